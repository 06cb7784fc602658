import { readFileSync } from 'node:fs';

/** The stepscore version written into every report: the root package's version. */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const TOOL_NAME = 'stepscore';
