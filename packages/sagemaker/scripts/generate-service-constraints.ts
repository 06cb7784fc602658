// Writes src/generated/service-constraints.json from botocore's SageMaker service model:
// the request shape of every step type (see src/step-types/vocabulary.ts) and the
// pipeline-definition shapes, with everything they reach.
//
//   pnpm generate:constraints                         # botocore found through python3
//   pnpm generate:constraints --service-model <path>  # service-2.json or service-2.json.gz

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ConstraintModel } from '../src/constraint-model.js';
import { STEP_TYPES, STEP_TYPE_NAMES } from '../src/step-types/vocabulary.js';
import { extractConstraintShapes, type BotocoreServiceModel } from './extract-constraint-shapes.js';

const ROOTS = [
  ...STEP_TYPE_NAMES.map((stepType) => STEP_TYPES[stepType].requestShape),
  'StepName',
  'StepDisplayName',
  'StepDescription',
  'PipelineName',
  'PipelineDefinition',
  'PipelineParameterName',
];
const MODEL_IN_BOTOCORE = join('data', 'sagemaker', '2017-07-24', 'service-2.json.gz');
const OUTPUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated', 'service-constraints.json');

interface ServiceModelSource {
  readonly path: string;
  readonly botocoreVersion: string;
  readonly description: string;
}

function main(argv: readonly string[]): void {
  const source = locateServiceModel(argv);
  const raw = readFileSync(source.path);
  const isGzip = raw[0] === 0x1f && raw[1] === 0x8b;
  const model = JSON.parse((isGzip ? gunzipSync(raw) : raw).toString('utf8')) as BotocoreServiceModel;
  const generated: ConstraintModel = {
    _meta: {
      source: `botocore ${source.botocoreVersion}: ${source.description}, shapes reachable from the roots, documentation dropped`,
      botocoreVersion: source.botocoreVersion,
      regenerate: 'pnpm generate:constraints [--service-model <path to service-2.json(.gz)>]',
      roots: ROOTS,
    },
    shapes: extractConstraintShapes(model, ROOTS),
  };
  writeFileSync(OUTPUT, `${JSON.stringify(generated, null, 1)}\n`);
  console.log(`Wrote ${Object.keys(generated.shapes).length} shapes from botocore ${source.botocoreVersion} to ${OUTPUT}`);
}

function locateServiceModel(argv: readonly string[]): ServiceModelSource {
  const flag = argv.indexOf('--service-model');
  if (flag !== -1) {
    const given = argv[flag + 1];
    if (given === undefined) throw new Error('--service-model needs a path');
    const path = resolve(given);
    const botocore = botocorePackageAround(path);
    if (botocore === undefined) return { path, botocoreVersion: 'unknown', description: basename(path) };
    const inPackage = relative(botocore.directory, path).split(sep).join('/');
    return { path, botocoreVersion: botocore.version, description: `botocore/${inPackage}` };
  }
  const [version = '', directory = ''] = execFileSync(
    'python3',
    ['-c', 'import botocore, os; print(botocore.__version__); print(os.path.dirname(botocore.__file__))'],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n');
  const path = join(directory, MODEL_IN_BOTOCORE);
  if (!existsSync(path)) throw new Error(`botocore ${version} at ${directory} has no ${MODEL_IN_BOTOCORE}`);
  return { path, botocoreVersion: version, description: 'botocore/data/sagemaker/2017-07-24/service-2.json.gz' };
}

/** The botocore package that holds `path`, read from its __init__.py. */
function botocorePackageAround(path: string): { version: string; directory: string } | undefined {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    const init = join(dir, '__init__.py');
    if (!existsSync(init)) continue;
    const version = /^__version__\s*=\s*['"]([^'"]+)['"]/m.exec(readFileSync(init, 'utf8'))?.[1];
    if (version !== undefined) return { version, directory: dir };
  }
  return undefined;
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
