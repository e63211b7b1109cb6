import type { Command } from 'commander';
import { cliAction } from '../../common/cli-action.ts';
import { NotImplementedError } from '../../common/errors.ts';

/** Registers `deploy-queries`. Placeholder until its stage lands: fails loudly by name. */
export function registerDeployQueries(program: Command): void {
  program
    .command('deploy-queries')
    .description('(not implemented yet) apply ksql/migrations to a ksqlDB server')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run deploy-queries');
      }),
    );
}
