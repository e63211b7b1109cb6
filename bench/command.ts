import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { NotImplementedError, UsageError } from '../common/errors.ts';

/**
 * `npm run bench -- <name> [options]`. Each benchmark lives in `bench/<name>.ts` and exports
 * `runBenchmark(args: string[]): Promise<void>`; it prints its figures with the machine it ran
 * on. Benchmarks are never run by the test suites.
 */
export const BENCHMARKS = ['generator', 'engine', 'sink', 'e2e'] as const;
type BenchmarkName = (typeof BENCHMARKS)[number];

interface BenchmarkModule {
  runBenchmark(args: string[]): Promise<void>;
}

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description(`run a benchmark: ${BENCHMARKS.join(' | ')} (results go to docs/benchmarks.md)`)
    .argument('<name>', BENCHMARKS.join(' | '))
    .argument('[args...]', 'options passed to the benchmark')
    .allowUnknownOption()
    .action(
      cliAction(async (name: string, args: string[]) => {
        if (!(BENCHMARKS as readonly string[]).includes(name)) {
          throw new UsageError(`unknown benchmark "${name}"`, {
            hint: `choose one of: ${BENCHMARKS.join(', ')}`,
          });
        }
        const mod = await loadBenchmark(name as BenchmarkName);
        await mod.runBenchmark(args);
      }),
    );
}

async function loadBenchmark(name: BenchmarkName): Promise<BenchmarkModule> {
  try {
    return (await import(`./${name}.ts`)) as BenchmarkModule;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND')
      throw new NotImplementedError(`npm run bench -- ${name}`);
    throw err;
  }
}
