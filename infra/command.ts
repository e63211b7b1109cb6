import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { NotImplementedError } from '../common/errors.ts';

/** Registers `infra`. Placeholder until its stage lands: fails loudly by name. */
export function registerInfra(program: Command): void {
  program
    .command('infra')
    .description('(not implemented yet) start/stop Kafka, schema registry and Postgres for tests')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run infra');
      }),
    );
}
