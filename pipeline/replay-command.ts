import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { NotImplementedError } from '../common/errors.ts';

/** Registers `replay`. Placeholder until its stage lands: fails loudly by name. */
export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('(not implemented yet) replay a recorded order file through the local pipeline')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run replay');
      }),
    );
}
