import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { NotImplementedError } from '../common/errors.ts';

/** Registers `migrate`. Placeholder until its stage lands: fails loudly by name. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('(not implemented yet) apply Postgres schema migrations')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run migrate');
      }),
    );
}
