import { type AdapterInput, isPipelineExpression } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import type { UploadedObject } from '../../mocks/mocked-s3.js';
import { generatedInputs } from './generated-inputs.js';
import { adapterOf, problemsPerScenario } from './scenario-judgement.js';

/** The ContentType the request declares for an input (a training channel, a transform input); undefined when none. */
function declaredContentType(args: unknown, input: AdapterInput): unknown {
  const at = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(input.requestPath);
  if (at === null || !isPlainRecord(args)) return undefined;
  const member = args[at[1]!];
  const record = at[2] === undefined ? member : Array.isArray(member) ? member[Number(at[2])] : undefined;
  return isPlainRecord(record) ? record['ContentType'] : undefined;
}

const mediaType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/** A ContentType on an input the builder fills must be the one it uploaded the files with. */
function contentTypeProblems(args: unknown, input: AdapterInput, written: readonly UploadedObject[]): string[] {
  const declared = declaredContentType(args, input);
  if (declared === undefined) return [];
  return written
    .filter((u) => typeof u.contentType === 'string' && u.contentType !== '')
    .filter((u) => isPipelineExpression(declared) || typeof declared !== 'string' || mediaType(declared) !== mediaType(u.contentType as string))
    .map(
      (u) =>
        `input '${input.name}' declares ContentType ${JSON.stringify(declared)}, but the builder uploaded ${u.s3Uri} for it as ${u.contentType}: whatever reads the input parses it as the wrong type`,
    );
}

/**
 * Major, not a blocker: SageMaker takes the request and the files reach the container whatever the channel's content
 * type; a script that never reads it is unaffected, while a built-in algorithm parses the channel as the type declared.
 */
export const generatedInputContentType = defineCheck({
  id: 'level3.generated_input_content_type',
  level: 3,
  severity: 'major',
  appliesTo: ['Training'],
  title: 'An input the builder fills with its own uploads declares no content type but the one it uploaded them with',
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) =>
      // Where the user chose the location, the data there and its type are the user's.
      generatedInputs(s, adapter, ctx.registration.configSchema)
        .filter((g) => !g.chosenByUser)
        .flatMap((g) => contentTypeProblems(s.step.Arguments, g.input, g.written)),
    );
    return outcomeFromProblems(
      problems,
      `every generated input declares its uploads' content type or none, in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
