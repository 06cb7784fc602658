import type { ArtifactStore } from '@stepscore/step-builder';
import { defineCheck, notApplicable } from '../../check/check-definition.js';
import type { CheckContext } from '../../context/check-context.js';
import { errorMessage } from '../../context/prerequisite-error.js';
import { builderOutcome } from './builder-outcome.js';
import { channelFeed, objectIsRead } from './channel-sources.js';
import { channelLabel, type ChannelView, trainingChannels } from './step-arguments.js';

/**
 * Records a write only once it has finished, after a turn of the event loop as a real upload would take,
 * so that a write the builder started but did not wait for is not yet recorded when its step is returned.
 */
class CompletionRecordingStore implements ArtifactStore {
  readonly completed: string[] = [];

  async put(s3Uri: string): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.completed.push(s3Uri);
  }
}

function isJsonFile(s3Uri: string, contentType: string | undefined): boolean {
  return s3Uri.toLowerCase().endsWith('.json') || (contentType ?? '').toLowerCase().includes('json');
}

/** Channels of a fresh step whose generated files had not finished uploading when createStep returned. */
async function unfinishedUploads(ctx: CheckContext, generated: readonly ChannelView[]): Promise<string[]> {
  const store = new CompletionRecordingStore();
  const step = await ctx.construct(ctx.config(), { artifactStore: store }).createStep({ inputs: ctx.mockInputs() });
  const completedAtReturn = [...store.completed];
  const names = new Set(generated.map((c) => c.name));
  return trainingChannels(step)
    .filter((c) => names.has(c.name) && !completedAtReturn.some((uri) => objectIsRead(uri, c.s3Uri)))
    .map(
      (c) =>
        `channel ${channelLabel(c)} reads ${String(c.s3Uri)}, but its upload had not finished when createStep() returned the step: ` +
          'the builder must wait for the upload before it references the file',
    );
}

export const generatedFilesUploaded = defineCheck({
  id: 'level3.generated_files_uploaded',
  level: 3,
  severity: 'blocker',
  importance: 1.2,
  appliesTo: ['Training'],
  title: 'Files the builder generates for its channels are uploaded, as valid JSON, before the step references them',
  async run(ctx) {
    const step = await ctx.step();
    const inputs = Object.values(ctx.mockInputs());
    const channels = trainingChannels(step);
    const generated = channels.filter((c) => typeof c.s3Uri === 'string' && !inputs.some((uri) => channelFeed(c.s3Uri, uri) !== undefined));
    if (generated.length === 0) {
      const fed = channels.map((c) => `${String(c.name)} <- ${String(typeof c.s3Uri === 'string' ? c.s3Uri : JSON.stringify(c.s3Uri))}`).join(', ');
      return notApplicable(`every channel of ${ctx.registration.stepName} reads a provided input (${fed}); it generates no file for its channels`);
    }
    const uploads = ctx.uploads();
    const problems: string[] = [];
    for (const channel of generated) {
      const written = uploads.filter((u) => objectIsRead(u.s3Uri, channel.s3Uri));
      if (written.length === 0) {
        problems.push(
          `channel ${channelLabel(channel)} reads ${String(channel.s3Uri)}, which is not a provided input, so the builder generated it, ` +
            `but nothing was written there through the S3 client (objects written: ${uploads.map((u) => u.s3Uri).join(', ') || 'none'})`,
        );
        continue;
      }
      for (const upload of written.filter((u) => isJsonFile(u.s3Uri, u.contentType))) {
        try {
          JSON.parse(upload.body);
        } catch (error) {
          problems.push(`${upload.s3Uri}, written for channel ${channelLabel(channel)}, is not valid JSON: ${errorMessage(error)}`);
        }
      }
    }
    if (problems.length === 0) {
      try {
        problems.push(...(await unfinishedUploads(ctx, generated)));
      } catch (error) {
        problems.push(`a second step, created to see when its uploads finish, could not be created: ${errorMessage(error)}`);
      }
    }
    return builderOutcome(
      ctx.registration.stepName,
      problems,
      `generated ${generated.map((c) => `${String(c.name)} (${String(c.s3Uri)})`).join(', ')} uploaded before the step referenced it`,
    );
  },
});
