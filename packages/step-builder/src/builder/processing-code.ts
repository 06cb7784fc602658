import { createHash } from 'node:crypto';
import type { ArtifactStore } from './artifact-store.js';
import type { PipelineValue, ProcessingInputArgument } from './step-definition.js';

/** How a processing job gets its code: extra inputs that mount it, and the command the container runs. */
export interface ProcessingCode {
  readonly inputs: readonly ProcessingInputArgument[];
  readonly containerEntrypoint: readonly string[];
}

export const PROCESSING_CODE_PATH = '/opt/ml/processing/input/code';
export const PROCESSING_ENTRYPOINT_PATH = '/opt/ml/processing/input/entrypoint';

/** A ProcessingInput as the SDK writes one: an S3 prefix copied in before the script starts. */
export function processingInput(name: string, source: PipelineValue, localPath: string): ProcessingInputArgument {
  return {
    InputName: name,
    AppManaged: false,
    S3Input: {
      S3Uri: source,
      LocalPath: localPath,
      S3DataType: 'S3Prefix',
      S3InputMode: 'File',
      S3DataDistributionType: 'FullyReplicated',
      S3CompressionType: 'None',
    },
  };
}

/**
 * A ScriptProcessor's code (the SDK's SKLearnProcessor): the one script file in S3 is mounted as input `code`,
 * and the container runs `python3 <script>` from there.
 */
export function scriptProcessorCode(scriptS3Uri: string): ProcessingCode {
  const fileName = scriptS3Uri.slice(scriptS3Uri.lastIndexOf('/') + 1);
  return {
    inputs: [processingInput('code', scriptS3Uri, PROCESSING_CODE_PATH)],
    containerEntrypoint: ['python3', `${PROCESSING_CODE_PATH}/${fileName}`],
  };
}

/** The launcher a framework processor runs: unpack the bundle, install its requirements, run the script. */
export function frameworkLauncherScript(entryPoint: string, command: readonly string[]): string {
  return [
    '#!/bin/bash',
    '# Unpacks the source bundle mounted as input "code", installs its requirements.txt, runs the entry point.',
    'set -e',
    '',
    `cd ${PROCESSING_CODE_PATH}/`,
    'tar -xzf sourcedir.tar.gz',
    '',
    "if [[ -f 'requirements.txt' ]]; then",
    '    pip install -r requirements.txt',
    'fi',
    '',
    `${command.join(' ')} ${entryPoint} "$@"`,
    '',
  ].join('\n');
}

export interface FrameworkProcessorCodeOptions {
  /** The `s3://.../sourcedir.tar.gz` bundle holding the entry point. */
  readonly sourceDir: string;
  readonly entryPoint: string;
  /** The interpreter the launcher runs the entry point with. */
  readonly command: readonly string[];
  readonly bucket: string;
  readonly pipelineName: string;
  readonly artifactStore: ArtifactStore;
}

/**
 * A FrameworkProcessor's code (the SDK's XGBoostProcessor, PyTorchProcessor...): the source bundle is mounted as
 * input `code`, a launcher is written to `s3://<bucket>/<pipeline>/code/<sha256 of its text>/runproc.sh` (so the
 * same launcher lands at the same key) and mounted as input `entrypoint`, and the container runs it with bash.
 */
export async function frameworkProcessorCode(options: FrameworkProcessorCodeOptions): Promise<ProcessingCode> {
  if (!options.sourceDir.endsWith('/sourcedir.tar.gz')) {
    throw new Error(`A framework processor's source dir must be an S3 object named sourcedir.tar.gz, got: ${options.sourceDir}`);
  }
  const launcher = frameworkLauncherScript(options.entryPoint, options.command);
  const digest = createHash('sha256').update(launcher).digest('hex');
  const launcherUri = `s3://${options.bucket}/${options.pipelineName}/code/${digest}/runproc.sh`;
  await options.artifactStore.put(launcherUri, launcher, 'text/x-shellscript');
  return {
    inputs: [processingInput('code', options.sourceDir, `${PROCESSING_CODE_PATH}/`), processingInput('entrypoint', launcherUri, PROCESSING_ENTRYPOINT_PATH)],
    containerEntrypoint: ['/bin/bash', `${PROCESSING_ENTRYPOINT_PATH}/runproc.sh`],
  };
}
