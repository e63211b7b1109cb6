import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { NotImplementedError } from '../common/errors.ts';

/** Registers `start`. Placeholder until its stage lands: fails loudly by name. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('(not implemented yet) run the whole pipeline locally')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run start');
      }),
    );
}
