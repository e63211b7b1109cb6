import type { Command } from 'commander';
import { cliAction } from '../../../common/cli-action.ts';
import { NotImplementedError } from '../../../common/errors.ts';

/** Registers `ksql-server`. Placeholder until its stage lands: fails loudly by name. */
export function registerKsqlServer(program: Command): void {
  program
    .command('ksql-server')
    .description('(not implemented yet) serve the local engine over the ksqlDB REST API')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run ksql-server');
      }),
    );
}
