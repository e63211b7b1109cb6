import { type Command, Option } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { onInterrupt } from '../common/interrupts.ts';
import { OPTION_SPECS, resolveOptions } from './options.ts';
import { runGenerator } from './run.ts';

/**
 * `npm run generate`: thin wiring of the generator library to the command line. Every flag
 * also has an environment variable (see --help); `npm run generate --rate 10` (npm config
 * form) works too. Progress on stderr each second; one final line on stdout.
 */
export function registerGenerate(program: Command): void {
  const cmd = program
    .command('generate')
    .description('generate labelled Avro orders into Kafka (or a JSON Lines file) at a steady rate')
    .argument('[npm-values...]', 'values npm split off flags given without `--` (handled automatically)')
    .allowExcessArguments();
  for (const spec of OPTION_SPECS) {
    cmd.addOption(
      new Option(`--${spec.name}${spec.arg ? ` ${spec.arg}` : ''}`, spec.description).env(spec.env),
    );
  }
  cmd.action(
    cliAction(async (positionals: string[], flags: Record<string, unknown>) => {
      // commander's .env() already folds environment values in; resolveOptions re-reads the
      // environment itself to keep the precedence flags > npm config > env > default exact.
      const explicit = Object.fromEntries(
        OPTION_SPECS.flatMap((s) => {
          const key = s.name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
          return cmd.getOptionValueSource(key) === 'cli' ? [[key, flags[key]]] : [];
        }),
      );
      const options = resolveOptions(explicit, positionals);
      const controller = new AbortController();
      const offInterrupt = onInterrupt((signal) => {
        process.stderr.write(`${signal}: stopping, flushing records in flight (again to abort)\n`);
        controller.abort();
      });
      try {
        const result = await runGenerator(options, {
          signal: controller.signal,
          log: (line) => process.stderr.write(`${line}\n`),
        });
        process.stdout.write(`${result.stats.finalLine()}\n`);
        return 0;
      } finally {
        offInterrupt();
      }
    }),
  );
}
