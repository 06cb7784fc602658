import { z } from 'zod';
import { RATINGS } from '../scoring/rating.js';
import { CONFIG_FILE_NAMES, type StepscoreConfig } from './stepscore-config.js';
import { ProjectConfigError } from './config-error.js';

const modulePath = z.string().min(1, { error: 'must be a module path (relative to the config file), not empty' });

const configSchema = z.strictObject({
  builders: modulePath,
  buildersExport: z.string().min(1).optional(),
  levels: z
    .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'must be 1, 2, 3 or 4' }))
    .min(1, { error: 'must name at least one level (or leave levels out for all four)' })
    .optional(),
  thresholds: z
    .strictObject({
      minScore: z.number().min(0).max(100).optional(),
      minRating: z.enum(RATINGS, { error: `must be one of ${RATINGS.map((r) => `"${r}"`).join(', ')}` }).optional(),
    })
    .optional(),
  checks: z.array(modulePath).optional(),
  upstream: z.array(modulePath).optional(),
  backend: z.enum(['mock', 'moto'], { error: 'must be "mock" or "moto"' }).optional(),
});

/** The field path as a person writes it: `thresholds.minScore`, `levels[1]`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('') || '(the config itself)';
}

/** The config a config file exports, checked; @throws ProjectConfigError naming the file and every bad field. */
export function validateConfig(file: string, exported: unknown): StepscoreConfig {
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    throw new ProjectConfigError(
      file,
      `${file} must export its config as the default export (export default defineConfig({ builders: './builders/registry.ts' })), found ${describe(exported)}`,
    );
  }
  const parsed = configSchema.safeParse(exported);
  if (parsed.success) return parsed.data as StepscoreConfig;
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => fieldName([...issue.path, k])).join(', ')}`;
    if (issue.code === 'invalid_type' && issue.input === undefined) return `${fieldName(issue.path)}: is required`;
    return `${fieldName(issue.path)}: ${issue.message}`;
  });
  throw new ProjectConfigError(file, `Config file ${file} is not valid: ${problems.join('; ')}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'no default export';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export const CONFIG_FILES_TEXT = CONFIG_FILE_NAMES.join(', ');
