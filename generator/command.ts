import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { NotImplementedError } from '../common/errors.ts';

/** Registers `generate`. Placeholder until its stage lands: fails loudly by name. */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('(not implemented yet) generate Avro orders into Kafka')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      cliAction(() => {
        throw new NotImplementedError('npm run generate');
      }),
    );
}
