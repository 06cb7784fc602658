// @stepscore/harness: what a project writing its own config and checks uses (re-exported by the `stepscore`
// package, which is the one people install).
export { defineConfig, CONFIG_FILE_NAMES, type StepscoreConfig } from './project-config/stepscore-config.js';
export { loadProject, findConfigFile, type LoadedProject, type LoadProjectOptions, type ProjectModules } from './project-config/load-project.js';
export { ProjectConfigError } from './project-config/config-error.js';
export {
  defineCheck,
  pass,
  fail,
  notApplicable,
  outcomeFromProblems,
  LEVEL_NAMES,
  type CheckDefinition,
  type CheckOutcome,
  type CheckStatus,
  type Level,
} from './check/check-definition.js';
export type { BuilderResult, CheckResult, RootCause } from './check/check-result.js';
export type { CheckContext } from './context/check-context.js';
export type { ConsumerEntry, ProducerEntry, UpstreamCatalogue } from './catalogue/upstream-catalogue.js';
export { RATINGS, type Rating } from './scoring/rating.js';
export { runCli } from './cli/run-cli.js';
export type { CliIo, CliStream } from './cli/cli-io.js';
