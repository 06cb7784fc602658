import { createHash } from 'node:crypto';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { findExpressions } from '../../simulator/pipeline-expressions.js';
import { generatedInputs } from './generated-inputs.js';
import { adapterOf, problemsPerScenario } from './scenario-judgement.js';
import type { StepTypeAdapter } from '@stepscore/sagemaker';
import type { z } from 'zod';

/** Whether the key names the object's own digest: steps that share such a key write the very same bytes there. */
function isContentAddressed(s3Uri: string, body: string): boolean {
  return ['sha256', 'sha1', 'md5'].some((algorithm) => s3Uri.includes(createHash(algorithm).update(body).digest('hex')));
}

function uploadProblems(scenario: CreatedScenario, adapter: StepTypeAdapter, schema: z.ZodType): string[] {
  const problems: string[] = [];
  for (const { input, source, chosenByUser, written } of generatedInputs(scenario, adapter, schema)) {
    if (written.length === 0) {
      if (chosenByUser) continue;
      const all = scenario.uploads.map((u) => u.s3Uri).join(', ') || 'none';
      problems.push(
        `input '${input.name}' reads ${source}, which is neither a dependency nor a configured location, and nothing had been uploaded there when the step was returned (uploads: ${all})`,
      );
      continue;
    }
    for (const upload of written.filter((u) => u.s3Uri.toLowerCase().endsWith('.json') || (u.contentType ?? '').includes('json'))) {
      let content: unknown;
      try {
        content = JSON.parse(upload.body);
      } catch (error) {
        problems.push(`${upload.s3Uri}, uploaded for input '${input.name}', is not valid JSON: ${errorMessage(error)}`);
        continue;
      }
      // The file is written when the pipeline is defined; SageMaker resolves expressions in a step's arguments only.
      for (const { at, expression } of findExpressions(content)) {
        problems.push(
          `${upload.s3Uri}, uploaded for input '${input.name}', holds the pipeline expression ${JSON.stringify(expression)}${at === '' ? '' : ` at ${at}`}: the file is written when the pipeline is defined, so the script reads the expression itself, never its value`,
        );
      }
    }
    // Where the user chose the location, sharing it is the user's choice.
    for (const upload of chosenByUser ? [] : written) {
      if (!upload.s3Uri.includes(scenario.step.Name) && !isContentAddressed(upload.s3Uri, upload.body)) {
        problems.push(
          `${upload.s3Uri}, generated for input '${input.name}', does not depend on the step's name, so two steps of this builder in one pipeline would share (and overwrite) it`,
        );
      }
    }
  }
  return problems;
}

export const generatedFilesUploaded = defineCheck({
  id: 'level3.generated_files_uploaded',
  level: 3,
  severity: 'blocker',
  appliesTo: 'all',
  title: 'Files the builder generates for its inputs are uploaded (valid JSON with no pipeline expression, one per step) before the step references them',
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => uploadProblems(s, adapter, ctx.registration.configSchema));
    return outcomeFromProblems(
      problems,
      `every generated input was uploaded first in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
