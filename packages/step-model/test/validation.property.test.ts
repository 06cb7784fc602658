import {
  DEPENDENCY_TYPES,
  NODE_TYPES,
  NodeType,
  SpecificationError,
  StepSpecification,
  type StepSpecificationInput,
  type TrainingScriptContract,
  type ValidationResult,
  validateContractAlignment,
  validateTrainingScriptContract,
} from '@stepscore/step-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const RUNS = 1000;

/** Any value at all: null-prototype objects, boxed values, maps, sets, dates, sparse arrays, bigints. */
const junk = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
});

const logicalName = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
const orJunk = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: junk, weight: 1 });

/** Shaped like a spec, with any field missing or junk: reaches the validators' inner loops, not just their first guard. */
const dependencyLike = orJunk(
  fc.record(
    {
      logicalName: orJunk(logicalName),
      dependencyType: orJunk(fc.constantFrom(...DEPENDENCY_TYPES)),
      required: orJunk(fc.boolean()),
      compatibleSources: orJunk(fc.array(fc.string(), { maxLength: 3 })),
      semanticKeywords: orJunk(fc.array(fc.string(), { maxLength: 3 })),
      dataType: orJunk(fc.constant('S3Uri')),
    },
    { requiredKeys: [] },
  ),
);
const outputLike = orJunk(
  fc.record(
    {
      logicalName: orJunk(logicalName),
      outputType: orJunk(fc.constantFrom(...DEPENDENCY_TYPES)),
      propertyPath: orJunk(
        fc.oneof(
          logicalName.map((n) => `properties.${n}`),
          fc.string(),
        ),
      ),
      aliases: orJunk(fc.array(orJunk(logicalName), { maxLength: 3 })),
      dataType: orJunk(fc.constant('S3Uri')),
    },
    { requiredKeys: [] },
  ),
);
const specLike = fc.oneof(
  junk,
  fc.record(
    {
      stepType: orJunk(logicalName),
      nodeType: orJunk(fc.constantFrom(...NODE_TYPES)),
      dependencies: orJunk(fc.array(dependencyLike, { maxLength: 4 })),
      outputs: orJunk(fc.array(outputLike, { maxLength: 4 })),
      scriptContract: junk,
    },
    { requiredKeys: [] },
  ),
);

const pathMap = (root: string) =>
  orJunk(
    fc.dictionary(
      logicalName,
      orJunk(
        fc.oneof(
          logicalName.map((n) => `${root}/${n}`),
          fc.string(),
        ),
      ),
      { maxKeys: 4 },
    ),
  );
const contractLike = fc.oneof(
  junk,
  fc.record(
    {
      entryPoint: orJunk(fc.oneof(fc.constant('train.py'), fc.string())),
      expectedInputPaths: pathMap('/opt/ml/input/data'),
      expectedOutputPaths: pathMap('/opt/ml/model'),
      expectedArguments: orJunk(fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 })),
      requiredEnvVars: orJunk(fc.array(orJunk(fc.string()), { maxLength: 3 })),
      optionalEnvVars: orJunk(fc.dictionary(fc.string(), orJunk(fc.string()), { maxKeys: 3 })),
    },
    { requiredKeys: [] },
  ),
);

/** A valid spec: distinct lower-case names (so no alias can collide), one dependency and one output at least. */
const validSpec: fc.Arbitrary<StepSpecificationInput> = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/), { minLength: 2, maxLength: 8 })
  .chain((names) => fc.integer({ min: 1, max: names.length - 1 }).map((split) => ({ names, split })))
  .chain(({ names, split }) =>
    fc
      .record({
        dependencyTypes: fc.array(fc.constantFrom(...DEPENDENCY_TYPES), { minLength: split, maxLength: split }),
        outputTypes: fc.array(fc.constantFrom(...DEPENDENCY_TYPES), { minLength: names.length - split, maxLength: names.length - split }),
      })
      .map(({ dependencyTypes, outputTypes }) => ({
        stepType: 'GeneratedStep',
        nodeType: NodeType.INTERNAL,
        dependencies: names.slice(0, split).map((logicalName, i) => ({ logicalName, dependencyType: dependencyTypes[i]!, required: i % 2 === 0 })),
        outputs: names.slice(split).map((logicalName, i) => ({ logicalName, outputType: outputTypes[i]!, propertyPath: `properties.Outputs.${logicalName}` })),
      })),
  );

function expectValidationResult(result: ValidationResult): void {
  expect(typeof result.isValid).toBe('boolean');
  expect(Array.isArray(result.errors) && Array.isArray(result.warnings)).toBe(true);
  expect(result.isValid).toBe(result.errors.length === 0);
  for (const error of result.errors) {
    expect(typeof error).toBe('string');
    expect(error.length).toBeGreaterThan(0);
  }
}

describe('specification validation, for any input', () => {
  it('StepSpecification.validate returns a ValidationResult and never throws', () => {
    fc.assert(
      fc.property(specLike, (input) => {
        expectValidationResult(StepSpecification.validate(input as StepSpecificationInput));
      }),
      { numRuns: RUNS },
    );
  });

  it('StepSpecification.create returns a specification exactly when validate finds no error, and otherwise throws a SpecificationError', () => {
    fc.assert(
      fc.property(specLike, (input) => {
        const { isValid, errors } = StepSpecification.validate(input as StepSpecificationInput);
        let thrown: unknown;
        try {
          expect(StepSpecification.create(input as StepSpecificationInput)).toBeInstanceOf(StepSpecification);
        } catch (error) {
          thrown = error;
        }
        if (isValid) expect(thrown).toBeUndefined();
        else {
          expect(thrown).toBeInstanceOf(SpecificationError);
          expect((thrown as SpecificationError).errors).toEqual(errors);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts every well-formed specification (the validators do not refuse everything)', () => {
    fc.assert(
      fc.property(validSpec, (input) => {
        expect(StepSpecification.validate(input).errors).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('contract validation, for any input', () => {
  it('validateTrainingScriptContract returns a ValidationResult and never throws', () => {
    fc.assert(
      fc.property(contractLike, (contract) => {
        expectValidationResult(validateTrainingScriptContract(contract as TrainingScriptContract));
      }),
      { numRuns: RUNS },
    );
  });

  it('validateContractAlignment, of a valid specification against any contract, returns a ValidationResult and never throws', () => {
    fc.assert(
      fc.property(validSpec, contractLike, (input, contract) => {
        const spec = StepSpecification.create(input);
        expectValidationResult(validateContractAlignment(spec, contract as TrainingScriptContract));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('inputs the properties found, each once crashing a validator with a TypeError', () => {
  it('a specification that is not an object', () => {
    expect(StepSpecification.validate(null as never).errors).toEqual(['a step specification must be an object, got null']);
    expect(() => StepSpecification.create(null as never)).toThrow(SpecificationError);
  });

  it('a hole or null among the outputs, and aliases that are not a list', () => {
    const input = {
      stepType: 'S',
      nodeType: NodeType.SOURCE,
      dependencies: [],
      // biome-ignore lint/suspicious/noSparseArray: a hole in the outputs is the input under test
      outputs: [, null, { logicalName: 'm', outputType: 'model_artifacts', propertyPath: 'properties.M', aliases: 5 }],
    };
    expect(StepSpecification.validate(input as never).errors).toEqual([
      'outputs[0] (undefined): an output must be an object, got undefined',
      'outputs[1] (undefined): an output must be an object, got null',
      'outputs[2] (m): aliases must be a list of names, got 5',
    ]);
  });

  it('a missing dependency list and compatible sources that are not strings', () => {
    expect(StepSpecification.validate({ stepType: 'S', nodeType: NodeType.SINGULAR, outputs: [] } as never).errors).toEqual([
      'dependencies must be a list, got undefined',
    ]);
    const withBadSources = {
      stepType: 'S',
      nodeType: NodeType.SINK,
      outputs: [],
      dependencies: [{ logicalName: 'd', dependencyType: 'training_data', compatibleSources: [1] }],
    };
    expect(StepSpecification.validate(withBadSources as never).errors).toEqual(['dependencies[0] (d): compatible_sources must be a list of strings, got [1]']);
  });

  it('contract paths that are not strings, and a contract that is no object', () => {
    const contract = { entryPoint: 'train.py', expectedInputPaths: null, expectedOutputPaths: { model: new Date(0) }, requiredEnvVars: 5 };
    expect(validateTrainingScriptContract(contract as never).errors).toEqual([
      'expectedInputPaths must be an object mapping logical names to container paths, got null',
      `Output path for 'model' must be a string, got: "1970-01-01T00:00:00.000Z"`,
      'requiredEnvVars must be a list of variable names, got 5',
    ]);
    expect(validateTrainingScriptContract(undefined as never).errors).toEqual(['A script contract must be an object, got undefined']);
  });
});
