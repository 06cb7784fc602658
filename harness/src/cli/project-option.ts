import { ProjectConfigError } from '../project-config/config-error.js';
import { type LoadProjectOptions, loadProjectBuilders, type ProjectBuilders } from '../project-config/load-project.js';
import { CliError, EXIT_USAGE } from './cli-io.js';

export const PROJECT_CONFIG_HELP =
  'the stepscore config file (default: stepscore.config.{ts,mts,js,mjs} in the working directory or the nearest folder above it)';

/** The project the command works on, without the built-in checks (workers load them); a config that cannot be used is bad input (exit 2) naming the file and field. */
export async function loadCliProject(configFile: string | undefined, onModulesFound?: LoadProjectOptions['onModulesFound']): Promise<ProjectBuilders> {
  try {
    return await loadProjectBuilders({ ...(configFile === undefined ? {} : { configFile }), ...(onModulesFound ? { onModulesFound } : {}) });
  } catch (error) {
    if (error instanceof ProjectConfigError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
}
