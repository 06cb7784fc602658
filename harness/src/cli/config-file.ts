import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PythonFloat } from '@stepscore/sagemaker';
import { parse as parseLossless } from 'lossless-json';
import { CliError, EXIT_USAGE } from './cli-io.js';
import { errorMessage } from '../error-message.js';

/** A number as written: `1.0` or `1e3` stays a float (PythonFloat) so that hyperparameters encode as the SDK's json.dumps does. */
function parseNumber(text: string): number | PythonFloat {
  const value = Number(text);
  return /[.eE]/.test(text) && Number.isInteger(value) ? new PythonFloat(value) : value;
}

/** A JSON config file's object (numbers keep their source form, see parseNumber), or a CliError (bad input: exit code 2) that names the file and what is wrong with it. */
export function readJsonConfigFile(path: string): Record<string, unknown> {
  const text = readText(path).replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`Config file ${path} is not valid JSON: ${describeJsonError(errorMessage(error), text)}`, EXIT_USAGE);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw new CliError(`Config file ${path} must hold a JSON object of settings, found ${found}`, EXIT_USAGE);
  }
  try {
    return parseLossless(text, null, parseNumber) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`Config file ${path} cannot be read: ${errorMessage(error)}`, EXIT_USAGE);
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const where = resolve(path) === path ? '' : ` (looked at ${resolve(path)})`;
      throw new CliError(`Config file not found: ${path}${where}`, EXIT_USAGE);
    }
    if (code === 'EISDIR') throw new CliError(`Config file ${path} is a directory, not a JSON file`, EXIT_USAGE);
    throw new CliError(`Cannot read config file ${path}: ${errorMessage(error)}`, EXIT_USAGE);
  }
}

/** V8's message with the position turned into a line and column a person can find. */
function describeJsonError(message: string, text: string): string {
  const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  const at = /at position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : /Unexpected end of JSON input/.test(message) ? text.length : undefined;
  if (position === undefined) return reason;
  const before = text.slice(0, position).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return `${reason} at line ${line}, column ${column} (position ${position})`;
}
