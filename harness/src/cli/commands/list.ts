import type { BuilderRegistration } from '@stepscore/step-builder';
import { StepSpecification } from '@stepscore/step-model';
import type { Command } from 'commander';
import { bold, type ConsoleStyle, consoleStyleFor } from '../../reporters/console/console-style.js';
import { wrapWithPrefix } from '../../reporters/console/table.js';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodesHelp } from '../exit-codes.js';
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
    .addHelpText(
      'after',
      `\n${exitCodesHelp('list')}\n\nExamples:\n  $ pnpm stepscore list\n  $ pnpm stepscore list --json\n  $ pnpm stepscore list --config ../team-builders/stepscore.config.ts`,
    )
    .action(async (options: { json?: boolean; config?: string }) => {
      const { registry } = await loadCliProject(options.config);
      const listings = registry.all().map(describeBuilder);
      if (options.json) {
        writeLine(io.stdout, JSON.stringify(listings, null, 2));
        return;
      }
      writeLine(io.stdout, renderListing(listings, consoleStyleFor(io.stdout)));
      writeLine(io.stdout, `${listings.length} builder${listings.length === 1 ? '' : 's'} registered.`);
    });
}

/** Per builder: its name, step type and framework, then a line per dependency and per output, wrapped to the width. */
export function renderListing(listings: readonly BuilderListing[], style: ConsoleStyle): string {
  const block = (listing: BuilderListing) => {
    const field = (label: string, items: readonly string[]) =>
      items.length === 0
        ? wrapWithPrefix('none', style.width, `  ${label}`)
        : items.flatMap((item, i) => wrapWithPrefix(item, style.width, i === 0 ? `  ${label}` : ' '.repeat(label.length + 2), ' '.repeat(label.length + 4)));
    return [
      `${bold(listing.builder, style.color)}  ${listing.stepType}, ${listing.framework}`,
      ...field(
        'depends on: ',
        listing.dependencies.map((d) => `${d.name} (${d.required ? 'required' : 'optional'}, ${d.type})`),
      ),
      ...field(
        'outputs:    ',
        listing.outputs.map((o) => `${o.name} → ${o.propertyPath}`),
      ),
    ].join('\n');
  };
  return listings.map(block).join('\n\n');
}
