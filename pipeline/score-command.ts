import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { NotImplementedError } from '../common/errors.ts';

/** Registers `score`. Placeholder until its stage lands: fails loudly by name. */
export function registerScore(program: Command): void {
  program
    .command('score')
    .description('(not implemented yet) detection scorecard from ground truth and Postgres')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run score');
      }),
    );
}
