// The Processing and Transform checks of Level 3, on every registered builder of their step type and on the
// mistakes their authors make: an output renamed in the request but not in the spec, a fixed model name.
import { describe, expect, it } from 'vitest';
import type { PropertyFile } from '@stepscore/step-builder';
import { builderRegistry, runChecks, withBuilderClass, withStepEdit } from '../../support/broken-builders.js';

const ofType = (stepType: string) => builderRegistry.all().filter((r) => r.stepType === stepType);

describe('level3.processing_output_names', () => {
  const ID = 'level3.processing_output_names';

  it.each(ofType('Processing').map((r) => r.stepName))('passes on %s', async (name) => {
    expect((await runChecks(builderRegistry.get(name), [ID]))[ID]?.status).toBe('pass');
  });

  it.each(ofType('Processing').map((r) => r.stepName))('fails, as a blocker, when %s renames an output in the request but not in its spec', async (name) => {
    const broken = withStepEdit(builderRegistry.get(name), (args) => {
      const outputs = (args['ProcessingOutputConfig'] as { Outputs: { OutputName: string }[] }).Outputs;
      outputs[0]!.OutputName = `${outputs[0]!.OutputName}_v2`;
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.severity).toBe('blocker');
    expect(result?.message).toMatch(/^\[default\] output '.+' is read at Outputs\['.+'\], but the request's outputs are named .*_v2/);
  });
});

describe('level3.processing_output_names: property files', () => {
  const ID = 'level3.processing_output_names';
  const withPropertyFiles = (name: string, files: PropertyFile[]) => {
    const base = builderRegistry.get(name);
    const Base = base.builderClass as unknown as new (...args: never[]) => { getPropertyFiles(): PropertyFile[] };
    return withBuilderClass(
      base,
      class extends Base {
        override getPropertyFiles(): PropertyFile[] {
          return files;
        }
      },
    );
  };
  const firstOutput = (name: string) => builderRegistry.get(name).spec.outputs[0]!.logicalName;

  it.each(ofType('Processing').map((r) => r.stepName))('passes on %s with a property file in its first output', async (name) => {
    const withFile = withPropertyFiles(name, [{ PropertyFileName: 'Report', OutputName: firstOutput(name), FilePath: 'report.json' }]);
    expect((await runChecks(withFile, [ID]))[ID]?.status).toBe('pass');
  });

  it.each(ofType('Processing').map((r) => r.stepName))(
    'fails, as a blocker, when %s names a property file after an output it does not have, and gives its container path',
    async (name) => {
      const broken = withPropertyFiles(name, [
        { PropertyFileName: 'EvaluationReport', OutputName: 'metrics', FilePath: '/opt/ml/processing/output/metrics/metrics.json' },
      ]);
      const result = (await runChecks(broken, [ID]))[ID];
      expect(result?.status).toBe('fail');
      expect(result?.severity).toBe('blocker');
      expect(result?.message).toMatch(/^\[default\] PropertyFiles\[0\] reads output "metrics", but the request's outputs are named '/);
      expect(result?.message).toContain('PropertyFiles[0] has FilePath "/opt/ml/processing/output/metrics/metrics.json": it must name a file inside');
    },
  );

  it('fails when a property file has no name, or two share one', async () => {
    const name = ofType('Processing')[0]!.stepName;
    const output = firstOutput(name);
    for (const files of [
      [{ PropertyFileName: '', OutputName: output, FilePath: 'report.json' }],
      [
        { PropertyFileName: 'Report', OutputName: output, FilePath: 'a.json' },
        { PropertyFileName: 'Report', OutputName: output, FilePath: 'b.json' },
      ],
      [{} as PropertyFile],
    ]) {
      const result = (await runChecks(withPropertyFiles(name, files), [ID]))[ID];
      expect(result?.status, JSON.stringify(files)).toBe('fail');
      expect(result?.message).toMatch(/PropertyFiles\[\d\] (has no PropertyFileName|is named 'Report' like another)/);
    }
  });
});

describe('level3.transform_model_name', () => {
  const ID = 'level3.transform_model_name';

  it.each(ofType('Transform').map((r) => r.stepName))('passes on %s', async (name) => {
    expect((await runChecks(builderRegistry.get(name), [ID]))[ID]?.status).toBe('pass');
  });

  it.each(ofType('Transform').map((r) => r.stepName))('fails, as a blocker, when %s runs a fixed model name instead of its upstream model', async (name) => {
    const broken = withStepEdit(builderRegistry.get(name), (args) => {
      args['ModelName'] = 'production-model';
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.severity).toBe('blocker');
    expect(result?.message).toContain(`[default] ModelName is "production-model", which is none of the dependencies given`);
  });
});
