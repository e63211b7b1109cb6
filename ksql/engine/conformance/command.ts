import type { Command } from 'commander';
import { cliAction } from '../../../common/cli-action.ts';
import { NotImplementedError } from '../../../common/errors.ts';

/** Registers `conformance`. Placeholder until its stage lands: fails loudly by name. */
export function registerConformance(program: Command): void {
  program
    .command('conformance')
    .description('(not implemented yet) run ksqlDB QTT files on the local engine')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run conformance');
      }),
    );
}
