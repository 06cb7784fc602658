import { SemanticMatcher, SIMILARITY_WEIGHTS, type SimilarityParts } from '@stepscore/dependency-resolver';
import type { Command } from 'commander';
import { consoleStyleFor } from '../../reporters/console/console-style.js';
import { renderFittedTable, wrapText } from '../../reporters/console/table.js';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodesHelp } from '../exit-codes.js';

const PARTS = ['string', 'token', 'synonym', 'substring'] as const satisfies readonly (keyof SimilarityParts)[];

const PART_LABELS: Record<(typeof PARTS)[number], string> = {
  string: 'string (difflib ratio)',
  token: 'token (Jaccard)',
  synonym: 'synonym',
  substring: 'substring',
};

export function registerMatchCommand(program: Command, io: CliIo): void {
  program
    .command('match')
    .description('show how similar two logical names are to the dependency resolver, part by part')
    .argument('<nameA>', 'a dependency or output name, e.g. input_path')
    .argument('<nameB>', 'the name to compare it with, e.g. processed_data')
    .option('--json', 'print {"score": ..., "parts": {...}} instead of a table')
    .addHelpText(
      'after',
      `\n${exitCodesHelp('match')}\n\nExamples:\n  $ pnpm stepscore match input_path processed_data\n  $ pnpm stepscore match model_input model_output --json`,
    )
    .action((nameA: string, nameB: string, options: { json?: boolean }) => {
      const explanation = new SemanticMatcher().explainSimilarity(nameA, nameB);
      const parts = Object.fromEntries(PARTS.map((part) => [part, explanation.parts[part]]));
      if (options.json) {
        writeLine(io.stdout, JSON.stringify({ score: explanation.score, parts }));
        return;
      }
      const [normalizedA, normalizedB] = explanation.normalized;
      writeLine(
        io.stdout,
        `${JSON.stringify(nameA)} vs ${JSON.stringify(nameB)} (normalised: ${JSON.stringify(normalizedA)} vs ${JSON.stringify(normalizedB)})`,
      );
      const style = consoleStyleFor(io.stdout);
      const rows = PARTS.map((part) => {
        const score = explanation.parts[part];
        return [PART_LABELS[part], score.toFixed(4), SIMILARITY_WEIGHTS[part].toFixed(2), (score * SIMILARITY_WEIGHTS[part]).toFixed(4)];
      });
      rows.push(['total', '', '', explanation.score.toFixed(4)]);
      writeLine(io.stdout, renderFittedTable(['Part', 'Score', 'Weight', 'Weighted'], rows, { ...style, colAligns: ['left', 'right', 'right', 'right'] }));
      writeLine(io.stdout, wrapText(totalNote(nameA, nameB, normalizedA, normalizedB), style.width));
    });
}

/** Why the total is what it is when it is not simply the weighted sum. */
function totalNote(nameA: string, nameB: string, normalizedA: string, normalizedB: string): string {
  if (nameA.length === 0 || nameB.length === 0) return 'An empty name matches nothing: the score is 0.';
  if (normalizedA === normalizedB) return 'The names normalise to the same text: the score is 1.';
  return "The total is the weighted sum of the parts; the dependency resolver adds 0.25 × the total to a dependency's compatibility score.";
}
