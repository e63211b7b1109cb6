import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { NotImplementedError } from '../common/errors.ts';

/** Registers `bench`. Placeholder until its stage lands: fails loudly by name. */
export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('(not implemented yet) run a benchmark')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run bench');
      }),
    );
}
