import { readFileSync } from 'node:fs';

/** The stepscore version written into every report: the harness package's version (the same as the stepscore package's). */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const TOOL_NAME = 'stepscore';
