import { createHash } from 'node:crypto';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../context/prerequisite-error.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { reads } from './inputs-mounted.js';
import { adapterOf, problemsPerScenario, stringsIn } from './scenario-judgement.js';
import type { StepTypeAdapter } from '@stepscore/sagemaker';

/** An upload is read by an input when it is the input's object or lies below its prefix. */
function isRead(uploaded: string, source: string): boolean {
  const prefix = source.replace(/\/+$/, '');
  return uploaded === prefix || uploaded.startsWith(`${prefix}/`);
}

function uploadProblems(scenario: CreatedScenario, adapter: StepTypeAdapter): string[] {
  const given = Object.values(scenario.plan.inputs);
  const configured = stringsIn(scenario.config).map((s) => s.value.replace(/\/+$/, ''));
  const problems: string[] = [];
  for (const input of adapter.inputs(scenario.step.Arguments)) {
    const source = input.source;
    if (typeof source !== 'string' || !source.startsWith('s3://')) continue;
    if (given.some((g) => reads(input, g))) continue;
    if (configured.some((c) => c.startsWith('s3://') && isRead(source, c))) continue;
    const written = scenario.uploads.filter((u) => isRead(u.s3Uri, source));
    if (written.length === 0) {
      const all = scenario.uploads.map((u) => u.s3Uri).join(', ') || 'none';
      problems.push(`input '${input.name}' reads ${source}, which is neither a dependency nor a configured location, and nothing had been uploaded there when the step was returned (uploads: ${all})`);
      continue;
    }
    for (const upload of written.filter((u) => u.s3Uri.toLowerCase().endsWith('.json') || (u.contentType ?? '').includes('json'))) {
      try {
        JSON.parse(upload.body);
      } catch (error) {
        problems.push(`${upload.s3Uri}, uploaded for input '${input.name}', is not valid JSON: ${errorMessage(error)}`);
      }
    }
    for (const upload of written) {
      // A key named after its content (its SHA-256) may be shared: every step that writes it writes the same bytes.
      const contentAddressed = upload.s3Uri.includes(createHash('sha256').update(upload.body).digest('hex'));
      if (!contentAddressed && !upload.s3Uri.includes(scenario.step.Name)) {
        problems.push(`${upload.s3Uri}, generated for input '${input.name}', does not depend on the step's name, so two steps of this builder in one pipeline would share (and overwrite) it`);
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
  title: 'Files the builder generates for its inputs are uploaded (valid JSON, one per step) before the step references them',
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => uploadProblems(s, adapter));
    return outcomeFromProblems(problems, `every generated input was uploaded first in ${scenarios.length} scenario(s)`, problems.length > 1 ? { problems } : undefined);
  },
});
