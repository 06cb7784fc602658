// This repository's builders as every command sees them: through its stepscore.config.ts, never by path.
import { fileURLToPath } from 'node:url';
import { loadProject } from '../../src/project-config/load-project.js';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const repositoryProject = await loadProject({ cwd: REPOSITORY_ROOT });

/** The registered builders. */
export const builderRegistry = repositoryProject.registry;
