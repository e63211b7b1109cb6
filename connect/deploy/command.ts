import type { Command } from 'commander';
import { cliAction } from '../../common/cli-action.ts';
import { NotImplementedError } from '../../common/errors.ts';

/** Registers `deploy-connectors`. Placeholder until its stage lands: fails loudly by name. */
export function registerDeployConnectors(program: Command): void {
  program
    .command('deploy-connectors')
    .description('(not implemented yet) create or update the JDBC sink connectors')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run deploy-connectors');
      }),
    );
}
