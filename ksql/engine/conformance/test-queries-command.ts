import type { Command } from 'commander';
import { cliAction } from '../../../common/cli-action.ts';
import { NotImplementedError } from '../../../common/errors.ts';

/** Registers `test-queries`. Placeholder until its stage lands: fails loudly by name. */
export function registerTestQueries(program: Command): void {
  program
    .command('test-queries')
    .description('(not implemented yet) run ksql/tests/*.sql on the local engine')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run test-queries');
      }),
    );
}
