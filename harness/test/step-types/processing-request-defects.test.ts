// A Processing builder whose request SageMaker would refuse rates Poor, whatever else it gets right: the issue's
// three mistakes, each made in the request a registered Processing builder emits.
import { BuilderRegistry } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { runBuilder } from '../../src/runner/run-builder.js';
import { scoreBuilder } from '../../src/scoring/score-builder.js';
import { builderRegistry, withStepEdit } from '../support/broken-builders.js';

const cluster = (args: Record<string, unknown>) => (args['ProcessingResources'] as { ClusterConfig: Record<string, unknown> }).ClusterConfig;
const firstOutput = (args: Record<string, unknown>) =>
  (args['ProcessingOutputConfig'] as { Outputs: { S3Output: Record<string, unknown> }[] }).Outputs[0]!.S3Output;

const MISTAKES: readonly [string, (args: Record<string, unknown>) => void, RegExp][] = [
  ['InstanceCount: 0', (args) => void (cluster(args)['InstanceCount'] = 0), /InstanceCount/],
  ['an instance type SageMaker does not have', (args) => void (cluster(args)['InstanceType'] = 'ml.m5.huge'), /InstanceType/],
  ['a malformed S3 URI', (args) => void (firstOutput(args)['S3Uri'] = 's3:/bucket-without-slash/output'), /S3Uri/],
];

const processing = builderRegistry.all().filter((r) => r.stepType === 'Processing');

describe('a Processing builder whose request SageMaker refuses', () => {
  it('exists among the registered builders', () => {
    expect(processing.length).toBeGreaterThan(0);
  });

  for (const registration of processing) {
    it.each(MISTAKES)(`${registration.stepName} emitting %s rates Poor, naming the request check as a blocker`, async (_what, edit, member) => {
      const broken = withStepEdit(registration, edit);
      const registry = new BuilderRegistry([...builderRegistry.all().filter((r) => r.stepName !== registration.stepName), broken]);
      const result = await runBuilder(broken, registry, { checks: ALL_CHECKS, backendName: 'mock', backendFactory: createMockBackend });
      const score = scoreBuilder(result.checks);
      expect(score.blockers).toContain('level3.request_meets_service_model');
      expect(score.rating).toBe('Poor');
      expect(result.checks.find((c) => c.id === 'level3.request_meets_service_model')?.message).toMatch(member);
    });
  }
});
