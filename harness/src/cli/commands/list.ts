import type { BuilderRegistration } from '@stepscore/step-builder';
import { StepSpecification } from '@stepscore/step-model';
import type { Command } from 'commander';
import { createTable } from '../../reporters/console/table.js';
import { type CliIo, wantsColor, writeLine } from '../cli-io.js';
import { loadCliProject, PROJECT_CONFIG_HELP } from '../project-option.js';

export interface BuilderListing {
  readonly builder: string;
  readonly stepType: string;
  readonly framework: string;
  readonly description: string;
  readonly dependencies: readonly { name: string; type: string; required: boolean; dataType: string }[];
  readonly outputs: readonly { name: string; type: string; propertyPath: string; aliases: readonly string[] }[];
}

export function describeBuilder(registration: BuilderRegistration): BuilderListing {
  const spec = StepSpecification.create(registration.spec);
  return {
    builder: registration.stepName,
    stepType: registration.stepType,
    framework: registration.framework,
    description: registration.description,
    dependencies: [...spec.dependencies.values()].map((d) => ({
      name: d.logicalName,
      type: d.dependencyType,
      required: d.required,
      dataType: d.dataType,
    })),
    outputs: [...spec.outputs.values()].map((o) => ({ name: o.logicalName, type: o.outputType, propertyPath: o.propertyPath, aliases: o.aliases })),
  };
}

export function registerListCommand(program: Command, io: CliIo): void {
  program
    .command('list')
    .description('list the registered builders with their step type, framework, dependencies and outputs')
    .option('--json', 'print the list as JSON')
    .option('--config <file>', PROJECT_CONFIG_HELP)
    .addHelpText('after', '\nExamples:\n  $ pnpm stepscore list\n  $ pnpm stepscore list --json\n  $ pnpm stepscore list --config ../team-builders/stepscore.config.ts')
    .action(async (options: { json?: boolean; config?: string }) => {
      const { registry } = await loadCliProject(options.config);
      const listings = registry.all().map(describeBuilder);
      if (options.json) {
        writeLine(io.stdout, JSON.stringify(listings, null, 2));
        return;
      }
      const table = createTable(['Builder', 'Step type', 'Framework', 'Dependencies', 'Outputs'], { color: wantsColor(io.stdout) });
      for (const listing of listings) {
        table.push([
          listing.builder,
          listing.stepType,
          listing.framework,
          listing.dependencies.map((d) => `${d.name} (${d.required ? 'required' : 'optional'}, ${d.type})`).join('\n'),
          listing.outputs.map((o) => `${o.name} → ${o.propertyPath}`).join('\n'),
        ]);
      }
      writeLine(io.stdout, table.toString());
      writeLine(io.stdout, `${listings.length} builder${listings.length === 1 ? '' : 's'} registered.`);
    });
}
