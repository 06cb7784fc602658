import { HARNESS_PACKAGE } from '../own-package.js';

/** The stepscore version written into every report: the harness package's version (the same as the stepscore package's). */
export const TOOL_VERSION: string = HARNESS_PACKAGE.version;

export const TOOL_NAME = 'stepscore';
