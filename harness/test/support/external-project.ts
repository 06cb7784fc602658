// A team's project outside this repository: the TabularTraining builder written against the public `stepscore`
// API (harness/test/fixtures/external-project), copied to a temporary folder under os.tmpdir().
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { REPOSITORY_ROOT } from './repository-project.js';

export const EXTERNAL_PROJECT_FIXTURE = fileURLToPath(new URL('../fixtures/external-project/', import.meta.url));
export const EXTERNAL_BUILDER = 'TabularTraining';

/** The workspace packages the `stepscore` package is made of, dependencies first. */
export const PACKAGE_FOLDERS = [
  'packages/step-model',
  'packages/dependency-resolver',
  'packages/sagemaker',
  'packages/step-builder',
  'harness',
  'packages/stepscore',
];

export const execFileAsync = promisify(execFile);

const madeFolders: string[] = [];

/** A fresh folder under the system's temporary folder, outside the repository; removeTemporaryFolders() deletes it. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  madeFolders.push(folder);
  return folder;
}

/** Deletes every folder temporaryFolder() made in this test file (call it from afterAll). */
export function removeTemporaryFolders(): void {
  for (const folder of madeFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** The fixture project copied into `folder`. */
export function copyExternalProject(folder: string): string {
  cpSync(EXTERNAL_PROJECT_FIXTURE, folder, { recursive: true });
  return folder;
}

export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end and returns its exit code and output (a non-zero exit is a result, not an error). */
export async function runCommand(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CommandRun> {
  try {
    const { stdout, stderr } = await execFileAsync(command, [...args], { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Each builder's check ids and statuses, and its score, from a report folder `stepscore score` wrote. */
export function scoredChecks(reportFolder: string, builder: string): { overall: unknown; rating: unknown; checks: { id: string; status: string }[] } {
  const document = JSON.parse(readFileSync(join(reportFolder, 'builders', `${builder}.json`), 'utf8')) as {
    score: { overall: unknown; rating: unknown };
    checks: { id: string; status: string }[];
  };
  return { overall: document.score.overall, rating: document.score.rating, checks: document.checks.map((c) => ({ id: c.id, status: c.status })) };
}

export { REPOSITORY_ROOT };
