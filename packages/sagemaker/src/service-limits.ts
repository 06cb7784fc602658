// Limits SageMaker enforces that botocore's service model does not carry as shape
// constraints: they are stated only in the prose of the API reference (which is also the
// `documentation` string of the same member in botocore's service-2.json). Each entry says
// where its number comes from. Only literal values are checked: a pipeline expression is
// decided at run time.

import { isPipelineExpression, isPlainObject } from './pipeline-expression.js';
import { listItems, literalNumber, literalString, valueAt } from './request-reader.js';
import { indexPath } from './property-path.js';
import type { ConstraintViolation } from './shape-validator.js';
import type { StepTypeName } from './step-types/vocabulary.js';

export interface ServiceLimitViolation extends ConstraintViolation {
  readonly rule: 'service-limit';
  /** The `id` of the ServiceLimit broken. */
  readonly limit: string;
  readonly source: string;
}

export interface ServiceLimit {
  readonly id: string;
  readonly stepType: StepTypeName;
  /** What the limit says, in one line. */
  readonly statement: string;
  /** Where the limit is written down. */
  readonly source: string;
  /** Path and message of each breach in a request (or a step's Arguments); never throws. */
  readonly breaches: (request: unknown) => readonly { readonly path: string; readonly message: string }[];
}

const SECONDS_PER_DAY = 86_400;
export const TRAINING_MAX_RUNTIME_SECONDS = 28 * SECONDS_PER_DAY;
export const TRANSFORM_MAX_PAYLOAD_MB = 100;
export const PROCESSING_LOCAL_PATH_PREFIX = '/opt/ml/processing/';

const API_REFERENCE = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference';

export const SERVICE_LIMITS: readonly ServiceLimit[] = [
  {
    id: 'training-max-runtime',
    stepType: 'Training',
    statement: `StoppingCondition.MaxRuntimeInSeconds is at most ${TRAINING_MAX_RUNTIME_SECONDS} (28 days)`,
    source: `${API_REFERENCE}/API_StoppingCondition.html, MaxRuntimeInSeconds: "The maximum value is 28 days." (the model's MaxRuntimeInSeconds shape has only min 1)`,
    breaches: (request) => {
      const runtime = literalNumber(valueAt(request, 'StoppingCondition', 'MaxRuntimeInSeconds'));
      if (runtime === undefined || runtime <= TRAINING_MAX_RUNTIME_SECONDS) return [];
      return [
        {
          path: 'StoppingCondition.MaxRuntimeInSeconds',
          message: `StoppingCondition.MaxRuntimeInSeconds is ${runtime}; SageMaker allows a training job at most ${TRAINING_MAX_RUNTIME_SECONDS} seconds (28 days).`,
        },
      ];
    },
  },
  {
    id: 'training-max-wait-covers-runtime',
    stepType: 'Training',
    statement: 'StoppingCondition.MaxWaitTimeInSeconds, when given, is at least MaxRuntimeInSeconds',
    source: `${API_REFERENCE}/API_StoppingCondition.html, MaxWaitTimeInSeconds: "It must be equal to or greater than MaxRuntimeInSeconds."`,
    breaches: (request) => {
      const wait = literalNumber(valueAt(request, 'StoppingCondition', 'MaxWaitTimeInSeconds'));
      const runtime = literalNumber(valueAt(request, 'StoppingCondition', 'MaxRuntimeInSeconds'));
      if (wait === undefined || runtime === undefined || wait >= runtime) return [];
      return [
        {
          path: 'StoppingCondition.MaxWaitTimeInSeconds',
          message: `StoppingCondition.MaxWaitTimeInSeconds is ${wait}, less than MaxRuntimeInSeconds ${runtime}; the Spot wait time must cover the run time.`,
        },
      ];
    },
  },
  {
    id: 'training-image-or-algorithm',
    stepType: 'Training',
    statement: 'AlgorithmSpecification names the container: a TrainingImage or an AlgorithmName',
    source: `${API_REFERENCE}/API_AlgorithmSpecification.html, AlgorithmName: "You must specify either the algorithm name to the AlgorithmName parameter or the image URI of the algorithm container to the TrainingImage parameter." (the model makes both optional)`,
    breaches: (request) => {
      const spec = valueAt(request, 'AlgorithmSpecification');
      // Anything but a plain structure (a pipeline expression standing for it, a wrong type) is the service model's to report.
      if (!isPlainObject(spec) || isPipelineExpression(spec)) return [];
      if (valueAt(spec, 'TrainingImage') !== undefined || valueAt(spec, 'AlgorithmName') !== undefined) return [];
      return [
        {
          path: 'AlgorithmSpecification',
          message: 'AlgorithmSpecification has neither a TrainingImage nor an AlgorithmName; SageMaker cannot tell which container to run.',
        },
      ];
    },
  },
  {
    id: 'processing-input-local-path',
    stepType: 'Processing',
    statement: `ProcessingInputs[i].S3Input.LocalPath is given unless AppManaged is true, and begins with ${PROCESSING_LOCAL_PATH_PREFIX}`,
    source: `${API_REFERENCE}/API_ProcessingS3Input.html, LocalPath: "LocalPath is an absolute path to the input data and must begin with /opt/ml/processing/. LocalPath is a required parameter when AppManaged is False (default)."`,
    breaches: (request) =>
      listItems(valueAt(request, 'ProcessingInputs')).flatMap((input, index) => {
        const s3Input = valueAt(input, 'S3Input');
        if (s3Input === undefined) return [];
        const path = `${indexPath('ProcessingInputs', index)}.S3Input.LocalPath`;
        const localPath = valueAt(s3Input, 'LocalPath');
        if (localPath === undefined) {
          if (valueAt(input, 'AppManaged') === true) return [];
          return [{ path, message: `${path} is missing; SageMaker requires it unless the input is AppManaged.` }];
        }
        const literal = literalString(localPath);
        if (literal === undefined || literal.startsWith(PROCESSING_LOCAL_PATH_PREFIX)) return [];
        return [{ path, message: `${path} ${JSON.stringify(literal)} does not begin with ${PROCESSING_LOCAL_PATH_PREFIX}, as SageMaker requires.` }];
      }),
  },
  {
    id: 'transform-max-payload',
    stepType: 'Transform',
    statement: `MaxPayloadInMB is at most ${TRANSFORM_MAX_PAYLOAD_MB}, and so is MaxConcurrentTransforms × MaxPayloadInMB`,
    source: `${API_REFERENCE}/API_CreateTransformJob.html, MaxPayloadInMB: "The value of MaxPayloadInMB cannot be greater than 100 MB. If you specify the MaxConcurrentTransforms parameter, the value of (MaxConcurrentTransforms * MaxPayloadInMB) also cannot exceed 100 MB." (the model's MaxPayloadInMB shape has only min 0)`,
    breaches: (request) => {
      const payload = literalNumber(valueAt(request, 'MaxPayloadInMB'));
      if (payload === undefined) return [];
      if (payload > TRANSFORM_MAX_PAYLOAD_MB) {
        return [{ path: 'MaxPayloadInMB', message: `MaxPayloadInMB is ${payload}; SageMaker allows at most ${TRANSFORM_MAX_PAYLOAD_MB} MB.` }];
      }
      const concurrent = literalNumber(valueAt(request, 'MaxConcurrentTransforms'));
      if (concurrent === undefined || concurrent * payload <= TRANSFORM_MAX_PAYLOAD_MB) return [];
      return [
        {
          path: 'MaxConcurrentTransforms',
          message: `MaxConcurrentTransforms ${concurrent} × MaxPayloadInMB ${payload} is ${concurrent * payload} MB; SageMaker allows at most ${TRANSFORM_MAX_PAYLOAD_MB} MB.`,
        },
      ];
    },
  },
  {
    id: 'model-data-url-archive',
    stepType: 'CreateModel',
    statement: "A container's ModelDataUrl names a .tar.gz archive (except in MultiModel mode, where it is a prefix)",
    source: `${API_REFERENCE}/API_ContainerDefinition.html, ModelDataUrl: "This path must point to a single gzip compressed tar archive (.tar.gz suffix)."; Mode MultiModel loads models from under a prefix`,
    breaches: (request) =>
      containersOf(request).flatMap(({ container, path }) => {
        const url = literalString(valueAt(container, 'ModelDataUrl'));
        if (url === undefined || url.endsWith('.tar.gz') || valueAt(container, 'Mode') === 'MultiModel') return [];
        return [
          {
            path: `${path}.ModelDataUrl`,
            message: `${path}.ModelDataUrl ${JSON.stringify(url)} does not end in .tar.gz; SageMaker needs a single gzip-compressed tar archive there.`,
          },
        ];
      }),
  },
];

function containersOf(request: unknown): { container: unknown; path: string }[] {
  const primary = valueAt(request, 'PrimaryContainer');
  const listed = listItems(valueAt(request, 'Containers')).map((container, index) => ({
    container,
    path: indexPath('Containers', index),
  }));
  return primary === undefined ? listed : [{ container: primary, path: 'PrimaryContainer' }, ...listed];
}

/** Breaches of the limits in SERVICE_LIMITS for a step type's request or Arguments. */
export function serviceLimitViolations(stepType: StepTypeName, request: unknown): ServiceLimitViolation[] {
  return SERVICE_LIMITS.filter((limit) => limit.stepType === stepType).flatMap((limit) =>
    limit.breaches(request).map((breach) => ({ ...breach, rule: 'service-limit' as const, limit: limit.id, source: limit.source })),
  );
}
