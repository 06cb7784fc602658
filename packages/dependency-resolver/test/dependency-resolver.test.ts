import type { DependencySpecInput, OutputSpec } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import {
  createDependencyResolver,
  DependencyResolutionError,
  resolvedToGetExpressions,
  SemanticMatcher,
  SpecificationRegistry,
  UnifiedDependencyResolver,
} from '../src/index.js';
import { internalSpec, plainOutput, sinkSpec, sourceSpec, tabularPreprocessingSpec, xgboostTrainingSpec } from './spec-builders.js';

const PREPROCESS = 'TabularPreprocessing-Training';
const TRAIN = 'XGBoostTraining';

function workedExampleResolver(): UnifiedDependencyResolver {
  const resolver = createDependencyResolver();
  resolver.registerSpecification(PREPROCESS, tabularPreprocessingSpec());
  resolver.registerSpecification(TRAIN, xgboostTrainingSpec());
  return resolver;
}

/** Counts how many outputs the resolver scores. */
class CountingMatcher extends SemanticMatcher {
  scored = 0;
  override calculateSimilarityWithAliases(name: string, output: OutputSpec): number {
    this.scored++;
    return super.calculateSimilarityWithAliases(name, output);
  }
}

// 0.2 (compatible type) + 0.2 (same data type) + 0 (no shared character) + 0.1 (listed source) = 0.5 exactly.
const EXACTLY_HALF: DependencySpecInput = {
  logicalName: 'xyz',
  dependencyType: 'training_data',
  required: false,
  compatibleSources: ['Source'],
};

describe('resolveStepDependencies', () => {
  it('resolves the worked example and renders the Get expression', () => {
    const resolver = workedExampleResolver();
    const resolved = resolver.resolveStepDependencies(TRAIN, [PREPROCESS, TRAIN]);
    expect([...resolved.keys()]).toEqual(['input_path']);
    expect(resolved.get('input_path')?.toString()).toBe(`${PREPROCESS}.processed_data`);
    expect(resolvedToGetExpressions(resolved)).toEqual({
      input_path: { Get: `Steps.${PREPROCESS}.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri` },
    });
  });

  it('throws for unresolved required dependencies, in Python list notation', () => {
    const resolver = createDependencyResolver();
    resolver.registerSpecification('Provider', sourceSpec('Provider', [plainOutput('model_output', 'model_artifacts')]));
    resolver.registerSpecification(
      'Consumer',
      sinkSpec('Consumer', [
        { logicalName: 'training_set', dependencyType: 'training_data' },
        { logicalName: 'hyper_config', dependencyType: 'hyperparameters' },
        { logicalName: 'extra_config', dependencyType: 'hyperparameters', required: false },
      ]),
    );
    const resolve = () => resolver.resolveStepDependencies('Consumer', ['Provider', 'Consumer']);
    expect(resolve).toThrow(DependencyResolutionError);
    expect(resolve).toThrow(/^Step 'Consumer' has unresolved required dependencies: \['training_set', 'hyper_config'\]$/);
  });

  it('leaves an unresolved optional dependency out', () => {
    const resolver = workedExampleResolver();
    resolver.registerSpecification(
      'Evaluation',
      sinkSpec('Evaluation', [
        { logicalName: 'model_input', dependencyType: 'model_artifacts', compatibleSources: ['XGBoostTraining'] },
        { logicalName: 'calibration_config', dependencyType: 'hyperparameters', required: false },
      ]),
    );
    const resolved = resolver.resolveStepDependencies('Evaluation', [PREPROCESS, TRAIN, 'Evaluation']);
    expect([...resolved.keys()]).toEqual(['model_input']);
    expect(resolved.get('model_input')?.toString()).toBe(`${TRAIN}.model_output`);
  });

  it('skips the consumer itself as a provider', () => {
    const resolver = createDependencyResolver();
    resolver.registerSpecification(
      'Loop',
      internalSpec(
        'Loop',
        [{ logicalName: 'model_output', dependencyType: 'model_artifacts', required: false }],
        [plainOutput('model_output', 'model_artifacts')],
      ),
    );
    expect(resolver.resolveStepDependencies('Loop', ['Loop']).size).toBe(0);
  });

  it('resolves nothing for a consumer without a spec, and ignores unregistered providers', () => {
    const resolver = workedExampleResolver();
    expect(resolver.resolveStepDependencies('Unknown', [PREPROCESS]).size).toBe(0);
    expect(resolver.resolveStepDependencies(TRAIN, ['Ghost', PREPROCESS]).get('input_path')?.stepName).toBe(PREPROCESS);
  });

  it('needs strictly more than 0.5', () => {
    const resolver = createDependencyResolver();
    resolver.registerSpecification('Provider', sourceSpec('Source', [plainOutput('abc', 'processing_output')]));
    resolver.registerSpecification('Consumer', sinkSpec('Consumer', [EXACTLY_HALF]));
    const spec = resolver.registry.get('Provider')!;
    expect(resolver.calculateCompatibility(resolver.registry.get('Consumer')!.getDependency('xyz')!, spec.getOutput('abc')!, spec)).toBe(0.5);
    expect(resolver.resolveStepDependencies('Consumer', ['Provider']).size).toBe(0);
    expect(resolver.resolveWithScoring('Consumer', ['Provider']).resolved.get('xyz')?.stepName).toBe('Provider');
  });
});

describe('tie-breaking', () => {
  const dependency: DependencySpecInput = { logicalName: 'model', dependencyType: 'model_artifacts' };

  it('keeps the first provider in the order given', () => {
    const resolver = createDependencyResolver();
    for (const name of ['ProviderA', 'ProviderB']) resolver.registerSpecification(name, sourceSpec('Trainer', [plainOutput('artifacts', 'model_artifacts')]));
    resolver.registerSpecification('Consumer', sinkSpec('Consumer', [dependency]));
    expect(resolver.resolveStepDependencies('Consumer', ['ProviderA', 'ProviderB']).get('model')?.stepName).toBe('ProviderA');
    resolver.clearCache();
    expect(resolver.resolveStepDependencies('Consumer', ['ProviderB', 'ProviderA']).get('model')?.stepName).toBe('ProviderB');
  });

  it('is remembered by the cache, whose key ignores the order of the available steps (as in the reference)', () => {
    const resolver = createDependencyResolver();
    for (const name of ['ProviderA', 'ProviderB']) resolver.registerSpecification(name, sourceSpec('Trainer', [plainOutput('artifacts', 'model_artifacts')]));
    resolver.registerSpecification('Consumer', sinkSpec('Consumer', [dependency]));
    expect(resolver.resolveStepDependencies('Consumer', ['ProviderA', 'ProviderB']).get('model')?.stepName).toBe('ProviderA');
    expect(resolver.resolveStepDependencies('Consumer', ['ProviderB', 'ProviderA']).get('model')?.stepName).toBe('ProviderA');
  });

  it('then keeps the first output in the order the spec declares', () => {
    const resolver = createDependencyResolver();
    resolver.registerSpecification('Provider', sourceSpec('Trainer', [plainOutput('out_y', 'model_artifacts'), plainOutput('out_x', 'model_artifacts')]));
    resolver.registerSpecification('Consumer', sinkSpec('Consumer', [dependency]));
    const provider = resolver.registry.get('Provider')!;
    const dep = resolver.registry.get('Consumer')!.getDependency('model')!;
    expect(resolver.calculateCompatibility(dep, provider.getOutput('out_x')!, provider)).toBe(
      resolver.calculateCompatibility(dep, provider.getOutput('out_y')!, provider),
    );
    expect(resolver.resolveStepDependencies('Consumer', ['Provider']).get('model')?.outputSpec.logicalName).toBe('out_y');
  });

  it('lets a higher score win regardless of order', () => {
    const resolver = workedExampleResolver();
    resolver.registerSpecification('OtherData', sourceSpec('Other', [plainOutput('some_data', 'processing_output')]));
    expect(resolver.resolveStepDependencies(TRAIN, ['OtherData', PREPROCESS, TRAIN]).get('input_path')?.stepName).toBe(PREPROCESS);
  });
});

describe('the result cache', () => {
  it('answers a repeated question from the cache, whatever the order of the available steps', () => {
    const resolver = workedExampleResolver();
    const first = resolver.resolveStepDependencies(TRAIN, [PREPROCESS, TRAIN]);
    expect(resolver.resolveStepDependencies(TRAIN, [TRAIN, PREPROCESS])).toBe(first);
  });

  it('is cleared by every registration, through the resolver or the registry', () => {
    const resolver = workedExampleResolver();
    const available = [PREPROCESS, 'Better', TRAIN];
    const before = resolver.resolveStepDependencies(TRAIN, available);
    expect(before.get('input_path')?.stepName).toBe(PREPROCESS);

    resolver.registerSpecification('Better', sourceSpec('TabularPreprocessing', [{ ...plainOutput('input_path', 'training_data') }]));
    expect(resolver.resolveStepDependencies(TRAIN, available).get('input_path')?.stepName).toBe('Better');

    resolver.registry.register('Better', sourceSpec('Other', [plainOutput('unrelated', 'model_artifacts')]));
    expect(resolver.resolveStepDependencies(TRAIN, available).get('input_path')?.stepName).toBe(PREPROCESS);
  });

  it('can be cleared by hand', () => {
    const resolver = workedExampleResolver();
    const first = resolver.resolveStepDependencies(TRAIN, [PREPROCESS]);
    resolver.clearCache();
    const second = resolver.resolveStepDependencies(TRAIN, [PREPROCESS]);
    expect(second).not.toBe(first);
    expect([...second.keys()]).toEqual([...first.keys()]);
  });
});

describe('resolveWithScoring', () => {
  it('reports the resolved dependencies and the best three failed candidates with their scores', () => {
    const resolver = workedExampleResolver();
    const weak: DependencySpecInput = { logicalName: 'flag', dependencyType: 'training_data', dataType: 'Boolean', compatibleSources: ['Nowhere'] };
    resolver.registerSpecification(
      'Consumer',
      sinkSpec('Consumer', [weak, { logicalName: 'input_path', dependencyType: 'training_data', compatibleSources: ['TabularPreprocessing'] }]),
    );
    const names = ['flags_one', 'flag_two', 'flagged', 'nothing'];
    for (const name of names) resolver.registerSpecification(`P_${name}`, sourceSpec('Other', [plainOutput(name, 'processing_output')]));
    const available = [PREPROCESS, ...names.map((n) => `P_${n}`), 'Consumer'];

    const result = resolver.resolveWithScoring('Consumer', available);
    expect(result.resolved.get('input_path')?.stepName).toBe(PREPROCESS);
    const failed = result.failedWithScores.get('flag')!;
    expect(failed.required).toBe(true);
    expect(failed.allCandidates).toHaveLength(3);
    const scores = failed.allCandidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s < 0.5)).toBe(true);
    expect(failed.bestCandidate).toBe(failed.allCandidates[0]);
    for (const candidate of failed.allCandidates) {
      const provider = resolver.registry.get(candidate.providerStep)!;
      const dep = resolver.registry.get('Consumer')!.getDependency('flag')!;
      expect(candidate.scoreBreakdown).toEqual(resolver.scoreBreakdown(dep, candidate.outputSpec, provider));
      expect(candidate.score).toBe(candidate.scoreBreakdown.total);
      expect(candidate.propertyReference.toString()).toBe(`${candidate.providerStep}.${candidate.outputName}`);
    }
    expect(result.resolutionDetails).toMatchObject({
      consumerStep: 'Consumer',
      totalDependencies: 2,
      requiredDependencies: 2,
      registeredSteps: 6,
      resolutionThreshold: 0.5,
    });
  });

  it('records a dependency with no compatible output at all', () => {
    const resolver = workedExampleResolver();
    resolver.registerSpecification('Consumer', sinkSpec('Consumer', [{ logicalName: 'payload', dependencyType: 'custom_property', required: false }]));
    const result = resolver.resolveWithScoring('Consumer', [PREPROCESS, TRAIN]);
    expect(result.failedWithScores.get('payload')).toEqual({ bestCandidate: null, allCandidates: [], required: false });
  });

  it('explains a missing consumer spec', () => {
    expect(createDependencyResolver().resolveWithScoring('Nobody', []).resolutionDetails).toEqual({ consumerStep: 'Nobody', error: 'No specification found' });
  });
});

describe('getResolutionReport and resolveAllDependencies', () => {
  it('summarises every available step', () => {
    const resolver = workedExampleResolver();
    resolver.registerSpecification('Broken', sinkSpec('Broken', [{ logicalName: 'hyper_config', dependencyType: 'hyperparameters' }]));
    const available = [PREPROCESS, TRAIN, 'Broken', 'Ghost'];
    const report = resolver.getResolutionReport(available);
    expect(report.totalSteps).toBe(4);
    expect(report.registeredSteps).toBe(3);
    expect(report.stepDetails[TRAIN]).toEqual({
      stepType: 'XGBoostTraining',
      totalDependencies: 1,
      requiredDependencies: 1,
      optionalDependencies: 0,
      outputs: 1,
      resolvedDependencies: { input_path: `${PREPROCESS}.processed_data` },
      unresolvedDependencies: [],
    });
    expect(report.stepDetails['Broken']?.error).toBe("Step 'Broken' has unresolved required dependencies: ['hyper_config']");
    expect(report.unresolvedDependencies).toEqual(['Broken']);
    expect(report.resolutionSummary).toEqual({ totalDependencies: 2, resolvedDependencies: 1, resolutionRate: 0.5, stepsWithErrors: 1 });

    const errors: string[] = [];
    const all = resolver.resolveAllDependencies(available, (step) => errors.push(step));
    expect([...all.keys()]).toEqual([TRAIN]);
    expect(errors).toEqual(['Broken']);
  });
});

describe('scale: only outputs of a compatible type are scored', () => {
  function catalogue(size: number): { resolver: UnifiedDependencyResolver; matcher: CountingMatcher } {
    const matcher = new CountingMatcher();
    const resolver = new UnifiedDependencyResolver(new SpecificationRegistry(), matcher);
    for (let i = 0; i < size; i++) {
      resolver.registerSpecification(
        `Trainer${i}`,
        sourceSpec('Trainer', [plainOutput('model_output', 'model_artifacts'), plainOutput('metrics', 'custom_property')]),
      );
    }
    resolver.registerSpecification(PREPROCESS, tabularPreprocessingSpec());
    resolver.registerSpecification(TRAIN, xgboostTrainingSpec());
    return { resolver, matcher };
  }

  it('walks the type index when every step is available', () => {
    const { resolver, matcher } = catalogue(1000);
    const available = resolver.registry.stepNames();
    expect(resolver.resolveStepDependencies(TRAIN, available).get('input_path')?.stepName).toBe(PREPROCESS);
    expect(matcher.scored).toBe(1);
  });

  it('walks the available providers when they are few', () => {
    const { resolver, matcher } = catalogue(1000);
    resolver.resolveStepDependencies(TRAIN, ['Trainer1', 'Trainer2', PREPROCESS]);
    expect(matcher.scored).toBe(1);
    resolver.registerSpecification('Sink', sinkSpec('Sink', [{ logicalName: 'model_input', dependencyType: 'model_artifacts' }]));
    matcher.scored = 0;
    expect(resolver.resolveStepDependencies('Sink', ['Trainer7', 'Trainer3', 'Sink']).get('model_input')?.stepName).toBe('Trainer7');
    expect(matcher.scored).toBe(2);
  });

  it('orders ties the same way along either walk', () => {
    const { resolver } = catalogue(50);
    resolver.registerSpecification('Sink', sinkSpec('Sink', [{ logicalName: 'model_input', dependencyType: 'model_artifacts' }]));
    // 52 providers against 51 steps holding model artifacts: the type index is the shorter walk.
    const trainersReversed = resolver.registry
      .stepNames()
      .filter((name) => name.startsWith('Trainer'))
      .reverse();
    expect(resolver.resolveStepDependencies('Sink', [PREPROCESS, ...trainersReversed, 'Sink']).get('model_input')?.stepName).toBe('Trainer49');
    expect(resolver.resolveStepDependencies('Sink', ['Trainer20', 'Trainer10']).get('model_input')?.stepName).toBe('Trainer20');
  });
});
