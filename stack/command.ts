import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { NotImplementedError } from '../common/errors.ts';

/** Registers `check-stack`. Placeholder until its stage lands: fails loudly by name. */
export function registerCheckStack(program: Command): void {
  program
    .command('check-stack')
    .description('(not implemented yet) check docker-compose, Grafana and connector files without Docker')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run check-stack');
      }),
    );
}
