import { stepTypeVocabulary, type StepTypeName } from '@stepscore/sagemaker';
import type { PipelineDefinition, PipelineStepDefinition, StepBuilderBase } from '@stepscore/step-builder';
import { type DependencySpec, type GetExpression, type OutputSpec, type StepSpecification, stripPropertiesPrefix } from '@stepscore/step-model';
import { errorMessage } from '../error-message.js';
import { type DependencyMatch, describeCandidates } from './dependency-matching.js';
import { CatalogueView, type IndexedProducer, indexedCatalogue } from './indexed-catalogue.js';
import { type StepRenderContext, upstreamCatalogue, type UpstreamCatalogue } from './upstream-catalogue.js';

export class PipelineAssemblyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineAssemblyError';
  }
}

export interface PlacedStep {
  readonly name: string;
  readonly stepType: StepTypeName;
  readonly spec: StepSpecification;
  readonly definition: PipelineStepDefinition;
}

/** A catalogue consumer placed after the builder to take one of its outputs. */
export interface PlacedConsumer extends PlacedStep {
  /** The builder's output it takes. */
  readonly output: OutputSpec;
  /** Its dependency that takes it, with the resolver's score. */
  readonly dependency: DependencySpec;
  readonly score: number;
  /** The reference it was given: `Steps.<builder step>.<output's property path>`. */
  readonly reference: GetExpression;
  /** Where that reference sits in its Arguments (e.g. `PrimaryContainer.ModelDataUrl`). */
  readonly inputArgument: string;
}

export interface AssembledPipeline {
  readonly definition: PipelineDefinition;
  /** The catalogue producers the builder's dependencies resolved to, in pipeline order. */
  readonly producers: readonly PlacedStep[];
  readonly builderStep: PipelineStepDefinition;
  /** How every builder dependency resolved against the producers. */
  readonly builderMatches: readonly DependencyMatch[];
  /** One consumer per builder output that a catalogue consumer takes, in the spec's output order. */
  readonly consumers: readonly PlacedConsumer[];
  /** The builder's outputs no catalogue consumer takes, with why. */
  readonly unconsumedOutputs: readonly { readonly output: OutputSpec; readonly reason: string }[];
}

export const PIPELINE_EXPERIMENT_CONFIG = {
  ExperimentName: { Get: 'Execution.PipelineName' },
  TrialName: { Get: 'Execution.PipelineExecutionId' },
} as const;

/** A name no placed step has yet: the entry's, or the entry's with `-2`, `-3`, ... */
function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted}-${n}`;
  taken.add(name);
  return name;
}

/**
 * Places the builder in a pipeline after the catalogue producers its dependencies resolve to (its step is
 * created with them as `dependencies`, so its inputs arrive as `Get` references) and before a catalogue
 * consumer of each of its outputs: for every output, the consumer dependency that accepts the output's type
 * and scores best against it, as the dependency resolver scores (no output is required by name).
 * @throws PipelineAssemblyError saying which part could not be put together.
 */
export async function assemblePipeline(builder: StepBuilderBase, catalogue: UpstreamCatalogue | CatalogueView = upstreamCatalogue): Promise<AssembledPipeline> {
  const builderName = builder.getStepName();
  const context: StepRenderContext = { pipelineS3Loc: builder.config.pipeline_s3_loc, role: builder.role, region: builder.awsRegion };
  // A view leaves out the builder's own catalogue entry; any other step of that name clashes.
  const view = catalogue instanceof CatalogueView ? catalogue : indexedCatalogue(catalogue).whole();
  if (view.hasStep(builderName))
    throw new PipelineAssemblyError(`The builder's step name '${builderName}' is also the name of a catalogue step; step names must be unique`);

  const builderMatches = view.matchDependencies(builderName, builder.spec);
  const missing = builderMatches.filter((m) => m.dependency.required && !m.resolved);
  if (missing.length > 0) {
    const described = missing.map((m) => `'${m.dependency.logicalName}' (${m.dependency.dependencyType}; ${describeCandidates(m.candidates)})`);
    throw new PipelineAssemblyError(`${builderName}'s required dependencies resolve to no catalogue producer: ${described.join('; ')}`);
  }
  const used = new Set(builderMatches.flatMap((m) => (m.resolved ? [m.resolved.providerStep] : [])));
  // In catalogue order, as the resolver saw them.
  const producers = [...used]
    .map((name) => view.producer(name))
    .filter((p): p is IndexedProducer => p !== undefined)
    .sort((a, b) => a.position - b.position);

  let builderStep: PipelineStepDefinition;
  try {
    builderStep = await builder.createStep({ dependencies: producers.map((p) => p.step) });
  } catch (error) {
    throw new PipelineAssemblyError(`${builderName} could not create its step from the catalogue producers: ${errorMessage(error)}`);
  }

  const taken = new Set([builderStep.Name, ...producers.map((p) => p.step.name)]);
  const placedProducers: PlacedStep[] = producers.map(({ entry, step }) => ({
    name: step.name,
    stepType: entry.stepType,
    spec: step.spec,
    definition: entry.render({ ...context, inputs: {} }),
  }));

  const consumers: PlacedConsumer[] = [];
  const unconsumedOutputs: { output: OutputSpec; reason: string }[] = [];
  for (const output of builder.spec.outputs.values()) {
    const [best] = view.consumersOf(output, builder.spec);
    if (!best) {
      unconsumedOutputs.push({
        output,
        reason: `no catalogue consumer has a dependency that accepts a ${output.outputType} output and scores above 0.5 against it`,
      });
      continue;
    }
    const { consumer, dependency, score } = best;
    const reference: GetExpression = { Get: `Steps.${builderStep.Name}.${stripPropertiesPrefix(output.propertyPath)}` };
    const name = freeName(consumer.entry.stepName, taken);
    let definition: PipelineStepDefinition;
    try {
      definition = { ...consumer.entry.render({ ...context, inputs: { [dependency.logicalName]: reference } }), Name: name };
    } catch (error) {
      unconsumedOutputs.push({ output, reason: `catalogue consumer ${consumer.entry.stepName} could not be rendered: ${errorMessage(error)}` });
      continue;
    }
    consumers.push({
      name,
      stepType: consumer.entry.stepType,
      spec: consumer.spec,
      definition,
      output,
      dependency,
      score,
      reference,
      inputArgument: consumer.entry.inputArguments[dependency.logicalName] ?? '',
    });
  }

  return {
    definition: {
      Version: '2020-12-01',
      Metadata: {},
      Parameters: [],
      PipelineExperimentConfig: PIPELINE_EXPERIMENT_CONFIG,
      Steps: [...placedProducers.map((p) => p.definition), builderStep, ...consumers.map((c) => c.definition)],
    },
    producers: placedProducers,
    builderStep,
    builderMatches,
    consumers,
    unconsumedOutputs,
  };
}

/** The builder's step type as its pipeline step names it (`Model` → CreateModel); undefined for an unknown `Type`. */
export function builderStepType(pipeline: AssembledPipeline): StepTypeName | undefined {
  return stepTypeVocabulary(pipeline.builderStep.Type)?.stepType;
}

/** A pipeline name SageMaker accepts (`[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}`), distinct per purpose. */
export function pipelineNameFor(builder: StepBuilderBase, purpose: string): string {
  const name = `${builder.config.pipeline_name}-${builder.getStepName()}-${purpose}`
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 256)
    .replace(/-+$/, '');
  return name;
}
