import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { BuilderRegistry } from '@stepscore/step-builder';
import type { CheckDefinition } from '../check/check-definition.js';
import { ProjectConfigError } from './config-error.js';
import { importModule } from './module-loader.js';
import { checksFromModule, registryFromModule } from './registry-from-module.js';
import { upstreamFromModule } from './upstream-from-module.js';
import { CONFIG_FILE_NAMES, type StepscoreConfig } from './stepscore-config.js';
import { CONFIG_FILES_TEXT, validateConfig } from './validate-config.js';
import { errorMessage } from '../error-message.js';

/**
 * A project's config file, loaded and checked, with the builders and the checks of its own it names; without
 * the built-in checks, which the main thread of a run never needs (its workers load them).
 */
export interface ProjectBuilders {
  /** Absolute path of the config file. */
  readonly configFile: string;
  readonly config: StepscoreConfig;
  readonly registry: BuilderRegistry;
  /** The project's own checks (its config's `checks`), in order. */
  readonly ownChecks: readonly CheckDefinition[];
  /** Where worker threads load the same things from (absolute paths). */
  readonly modules: ProjectModules;
}

/** A project's config file, loaded and checked, with the builders it names and every check that runs. */
export interface LoadedProject extends ProjectBuilders {
  /** Every check that runs: the built-in ones, then the project's own. */
  readonly checks: readonly CheckDefinition[];
}

export interface ProjectModules {
  readonly registryModule: string;
  readonly registryExport?: string;
  readonly extraChecksModules: readonly string[];
  readonly upstreamModules: readonly string[];
}

export interface LoadProjectOptions {
  /** The config file given on the command line (`--config`); looked for from `cwd` upward when absent. */
  readonly configFile?: string;
  readonly cwd?: string;
  /**
   * Called once the config is loaded and every module it names is found, before any of them is loaded: a run
   * starts its workers here, so that their start-up overlaps the loading of the builders in this thread.
   */
  readonly onModulesFound?: (config: StepscoreConfig, modules: ProjectModules) => void;
}

/** The first stepscore.config.* in `cwd` or the nearest folder above it. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function configFileFrom(options: LoadProjectOptions): string {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.configFile !== undefined) {
    const file = resolve(cwd, options.configFile);
    if (!existsSync(file))
      throw new ProjectConfigError(
        options.configFile,
        `Config file not found: ${options.configFile}${file === options.configFile ? '' : ` (looked at ${file})`}`,
      );
    if (!statSync(file).isFile())
      throw new ProjectConfigError(options.configFile, `Config file ${options.configFile} is a directory: give the stepscore.config.ts file itself`);
    return file;
  }
  const found = findConfigFile(cwd);
  if (!found) {
    throw new ProjectConfigError(
      cwd,
      `No stepscore config found in ${cwd} or any folder above it (looked for ${CONFIG_FILES_TEXT}). ` +
        `Create stepscore.config.ts with: export default defineConfig({ builders: './builders/registry.ts' }) — or give --config <file>.`,
    );
  }
  return found;
}

/** A path from the config, relative to the config file's folder; the file must exist. */
function modulePathFrom(configFile: string, field: string, path: string): string {
  const absolute = isAbsolute(path) ? path : resolve(dirname(configFile), path);
  if (!existsSync(absolute)) {
    throw new ProjectConfigError(configFile, `Config file ${configFile}: ${field} names ${path}, which does not exist (looked at ${absolute})`);
  }
  return absolute;
}

async function importFor(configFile: string, field: string, file: string): Promise<Record<string, unknown>> {
  try {
    return await importModule(file);
  } catch (error) {
    throw new ProjectConfigError(configFile, `Config file ${configFile}: ${field} module ${file} could not be loaded: ${errorMessage(error)}`);
  }
}

/** The built-in checks; loaded on demand, as they bring most of the harness (and the AWS SDK) with them. */
async function builtInChecks(): Promise<readonly CheckDefinition[]> {
  return (await import('../checks/index.js')).ALL_CHECKS;
}

/**
 * Finds and loads the project's stepscore config, then the builders, checks and upstream steps it names.
 * @throws ProjectConfigError naming the file and the field when any of it cannot be used.
 */
export async function loadProject(options: LoadProjectOptions = {}): Promise<LoadedProject> {
  const project = await loadProjectBuilders(options);
  return { ...project, checks: [...(await builtInChecks()), ...project.ownChecks] };
}

/**
 * loadProject without loading the built-in checks (only when the project has checks of its own, to see that
 * their ids are free): what a command that runs the checks in workers, or none at all, needs.
 * @throws ProjectConfigError naming the file and the field when any of it cannot be used.
 */
export async function loadProjectBuilders(options: LoadProjectOptions = {}): Promise<ProjectBuilders> {
  const configFile = configFileFrom(options);
  let namespace: Record<string, unknown>;
  try {
    namespace = await importModule(configFile);
  } catch (error) {
    throw new ProjectConfigError(configFile, `Config file ${configFile} could not be loaded: ${errorMessage(error)}`);
  }
  const config = validateConfig(configFile, namespace['default'] ?? namespace['config']);

  const registryModule = modulePathFrom(configFile, 'builders', config.builders);
  const extraChecksModules = (config.checks ?? []).map((path, i) => modulePathFrom(configFile, `checks[${i}]`, path));
  const upstreamModules = (config.upstream ?? []).map((path, i) => modulePathFrom(configFile, `upstream[${i}]`, path));
  const modules: ProjectModules = {
    registryModule,
    ...(config.buildersExport ? { registryExport: config.buildersExport } : {}),
    extraChecksModules,
    upstreamModules,
  };
  options.onModulesFound?.(config, modules);

  const buildersNamespace = await importFor(configFile, 'builders', registryModule);
  let registry: BuilderRegistry;
  try {
    registry = registryFromModule(buildersNamespace, displayPath(registryModule), config.buildersExport);
  } catch (error) {
    throw new ProjectConfigError(configFile, `Config file ${configFile}: builders: ${errorMessage(error)}`);
  }

  const extraChecks: CheckDefinition[] = [];
  for (const [i, file] of extraChecksModules.entries()) {
    const loaded = await importFor(configFile, `checks[${i}]`, file);
    try {
      extraChecks.push(...checksFromModule(loaded, displayPath(file)));
    } catch (error) {
      throw new ProjectConfigError(configFile, `Config file ${configFile}: checks[${i}]: ${errorMessage(error)}`);
    }
  }
  const known = new Set(extraChecks.length > 0 ? (await builtInChecks()).map((c) => c.id) : []);
  for (const check of extraChecks) {
    if (known.has(check.id))
      throw new ProjectConfigError(configFile, `Config file ${configFile}: checks: the check id '${check.id}' is taken; give the project's check another id`);
    known.add(check.id);
  }

  for (const [i, file] of upstreamModules.entries()) {
    const loaded = await importFor(configFile, `upstream[${i}]`, file);
    try {
      upstreamFromModule(loaded, displayPath(file));
    } catch (error) {
      throw new ProjectConfigError(configFile, `Config file ${configFile}: upstream[${i}]: ${errorMessage(error)}`);
    }
  }

  return {
    configFile,
    config,
    registry,
    ownChecks: extraChecks,
    modules,
  };
}

function displayPath(file: string): string {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? file : fromCwd;
}
