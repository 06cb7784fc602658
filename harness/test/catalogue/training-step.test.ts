import { resolvePropertyPath } from '@stepscore/sagemaker';
import { StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { syntheticRun } from '../../bench/synthetic-catalogue.js';
import { level4Checks } from '../../src/checks/level4-integration/index.js';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { renderTrainingStep, trainingProducer } from '../../src/catalogue/steps/training-step.js';
import { runBuilder } from '../../src/runner/run-builder.js';
import { expectNoNetwork } from '../support/no-network.js';

const context = { pipelineS3Loc: 's3://bucket/MODS/p_1.0.0/', role: 'arn:aws:iam::123456789012:role/SageMakerRole', region: 'eu-west-1' };
const layout = { framework: 'pytorch', frameworkVersion: '2.1.0', pyVersion: 'py310', instanceType: 'ml.g5.xlarge' } as const;

describe('training producer', () => {
  expectNoNetwork();

  it('renders a Training step with the framework image of the region and an output path under the pipeline', () => {
    const step = renderTrainingStep('FraudTraining', layout, context);
    expect(step).toMatchObject({ Name: 'FraudTraining', Type: 'Training' });
    expect(step.Arguments).toMatchObject({
      AlgorithmSpecification: { TrainingImage: '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-training:2.1.0-gpu-py310', TrainingInputMode: 'File' },
      RoleArn: context.role,
      OutputDataConfig: { S3OutputPath: 's3://bucket/MODS/p_1.0.0/fraud_training' },
      ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
    });
  });

  it('offers outputs whose property paths exist on DescribeTrainingJobResponse', () => {
    const producers = syntheticRun(10).builders.flatMap((b) => (b.producer ? [b.producer] : []));
    expect(producers.length).toBeGreaterThan(2);
    for (const producer of producers) {
      expect(producer.stepType).toBe('Training');
      for (const output of StepSpecification.create(producer.specification).outputs.values()) {
        expect(resolvePropertyPath(output.propertyPath, 'DescribeTrainingJobResponse')).toMatchObject({ ok: true, leafType: 'string' });
      }
    }
    expect(trainingProducer('X', producers[0]!.specification, layout).render({ ...context, inputs: {} }).Type).toBe('Training');
  });

  it('places another team’s training step upstream when a dependency resolves to it, and the Integration level passes', async () => {
    const run = syntheticRun(60);
    const chained = run.registrations.filter((registration) =>
      run.catalogue
        .forBuilder(registration.stepName)
        .matchDependencies(registration.stepName, StepSpecification.create(registration.spec))
        .some((m) => m.resolved && run.registry.has(m.resolved.providerStep)),
    );
    expect(chained.length).toBeGreaterThan(0);
    for (const registration of chained.slice(0, 3)) {
      const result = await runBuilder(registration, run.registry, {
        checks: level4Checks,
        backendName: 'mock',
        backendFactory: createMockBackend,
        catalogue: run.catalogue,
      });
      expect(result.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
      // The pass message lists the pipeline's steps: `assembled as A → B → C`.
      const assembly = result.checks.find((c) => c.id === 'level4.pipeline_assembly');
      const steps = (assembly?.message ?? '').replace(/^assembled as /, '').split(' → ');
      expect(steps.some((name) => run.registry.has(name) && name !== registration.stepName)).toBe(true);
    }
  });
});
