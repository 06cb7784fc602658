import type { PipelineDefinition, PipelineStepDefinition, PipelineValue, StepBuilderBase } from '@stepscore/step-builder';
import { type GetExpression, StepSpecification } from '@stepscore/step-model';
import { errorMessage } from '../context/prerequisite-error.js';
import { type DependencyMatch, describeCandidates, matchDependencies, type ProviderStep } from './dependency-matching.js';
import { CatalogueView, type IndexedConsumer, type IndexedProducer, indexedCatalogue } from './indexed-catalogue.js';
import { type ConsumerEntry, type StepRenderContext, upstreamCatalogue, type UpstreamCatalogue } from './upstream-catalogue.js';

export class PipelineAssemblyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineAssemblyError';
  }
}

export interface PlacedStep {
  readonly name: string;
  readonly spec: StepSpecification;
  readonly definition: PipelineStepDefinition;
  readonly responseShape: string;
}

export interface AssembledPipeline {
  readonly definition: PipelineDefinition;
  /** The catalogue producers the builder's dependencies resolved to, in pipeline order. */
  readonly producers: readonly PlacedStep[];
  readonly builderStep: PipelineStepDefinition;
  /** How every builder dependency resolved against the producers. */
  readonly builderMatches: readonly DependencyMatch[];
  readonly consumer: PlacedStep;
  /** How the consumer's model dependency resolved against the builder's outputs. */
  readonly consumerMatch: DependencyMatch & { readonly resolved: NonNullable<DependencyMatch['resolved']> };
}

export const PIPELINE_EXPERIMENT_CONFIG = {
  ExperimentName: { Get: 'Execution.PipelineName' },
  TrialName: { Get: 'Execution.PipelineExecutionId' },
} as const;

type ResolvedMatch = DependencyMatch & { readonly resolved: NonNullable<DependencyMatch['resolved']> };
const isResolved = (m: DependencyMatch): m is ResolvedMatch => m.resolved !== undefined;

/** The consumer whose model dependency fits the builder's outputs best (first on a tie); undefined when none fits. */
function chooseConsumer(consumers: readonly IndexedConsumer[], builder: ProviderStep): { entry: ConsumerEntry; spec: StepSpecification; match: ResolvedMatch } | undefined {
  let best: { entry: ConsumerEntry; spec: StepSpecification; match: ResolvedMatch } | undefined;
  for (const { entry, spec } of consumers) {
    const matches = matchDependencies(entry.stepName, spec, [builder]);
    if (matches.some((m) => m.dependency.required && !m.resolved)) continue;
    const match = matches.find((m) => m.dependency.logicalName === entry.modelDependency);
    if (!match || !isResolved(match)) continue;
    if (!best || match.resolved.score > best.match.resolved.score) best = { entry, spec, match };
  }
  return best;
}

/**
 * Places the builder in a pipeline between the catalogue's producers and a model consumer: its step is
 * created with the producers its dependencies resolve to as `dependencies` (so its inputs arrive as `Get`
 * references), and the consumer's model input is resolved against the builder's outputs.
 * @throws PipelineAssemblyError saying which part could not be put together.
 */
export async function assemblePipeline(builder: StepBuilderBase, catalogue: UpstreamCatalogue | CatalogueView = upstreamCatalogue): Promise<AssembledPipeline> {
  const builderName = builder.getStepName();
  const context: StepRenderContext = { pipelineS3Loc: builder.config.pipeline_s3_loc, role: builder.role, region: builder.awsRegion };
  // A view leaves out the builder's own catalogue entry; any other step of that name clashes.
  const view = catalogue instanceof CatalogueView ? catalogue : indexedCatalogue(catalogue).whole();
  if (view.hasStep(builderName)) throw new PipelineAssemblyError(`The builder's step name '${builderName}' is also the name of a catalogue step; step names must be unique`);

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

  const chosen = chooseConsumer(view.consumers, { name: builderStep.Name, spec: builder.spec });
  if (!chosen) {
    const outputs = [...builder.spec.outputs.values()].map((o) => `${o.logicalName} (${o.outputType})`).join(', ');
    throw new PipelineAssemblyError(
      `No catalogue consumer's model dependency resolves against ${builderName}'s outputs [${outputs}]; a training builder needs a model_artifacts output`,
    );
  }
  const consumerInputs: Record<string, PipelineValue> = { [chosen.match.dependency.logicalName]: chosen.match.resolved.reference as GetExpression };
  const trainingImage = (builderStep.Arguments['AlgorithmSpecification'] as { TrainingImage?: PipelineValue } | undefined)?.TrainingImage ?? '';
  const consumer: PlacedStep = {
    name: chosen.entry.stepName,
    spec: chosen.spec,
    definition: chosen.entry.render({ ...context, inputs: consumerInputs, trainingImage }),
    responseShape: chosen.entry.responseShape,
  };
  const placedProducers: PlacedStep[] = producers.map(({ entry, step }) => ({
    name: step.name,
    spec: step.spec,
    definition: entry.render(context),
    responseShape: entry.responseShape,
  }));

  return {
    definition: {
      Version: '2020-12-01',
      Metadata: {},
      Parameters: [],
      PipelineExperimentConfig: PIPELINE_EXPERIMENT_CONFIG,
      Steps: [...placedProducers.map((p) => p.definition), builderStep, consumer.definition],
    },
    producers: placedProducers,
    builderStep,
    builderMatches,
    consumer,
    consumerMatch: chosen.match,
  };
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
