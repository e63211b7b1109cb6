import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { cliAction } from '../../../common/cli-action.ts';
import { loadEngineModules } from './engine-modules.ts';
import { QUERY_TESTS_DIR } from './qtt-paths.ts';
import { runSqlTestFile } from './sql-test-executor.ts';

/** `npm run test-queries`: the project's own SQL tests (ksql/tests/*.sql, ksqlDB's `--@test:` format). */
export function registerTestQueries(program: Command): void {
  program
    .command('test-queries')
    .description('run the project query tests ksql/tests/*.sql (ksqlDB SQL test format) on the local engine')
    .option('--dir <dir>', 'directory of *.sql test files', QUERY_TESTS_DIR)
    .option('--verbose', 'print the reason of every failing test')
    .action(
      cliAction(async (_opts: { dir: string; verbose?: boolean }, cmd: Command) =>
        runTestQueries(cmd.optsWithGlobals<{ dir: string; verbose?: boolean }>()),
      ),
    );
}

export async function runTestQueries(opts: { dir: string; verbose?: boolean }): Promise<number> {
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  const names = (await readdir(opts.dir).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.sql'))
    .sort();
  if (names.length === 0) {
    out(`no query tests in ${relative(process.cwd(), opts.dir) || opts.dir}`);
    out('0 passed, 0 failed');
    return 0;
  }
  const mods = await loadEngineModules();
  let passed = 0;
  let failed = 0;
  for (const name of names) {
    const path = join(opts.dir, name);
    // RUN SCRIPT paths in project tests are relative to the tests' own folder.
    const runs = await runSqlTestFile({ path, label: name, kind: 'sql' }, mods, () => true, {
      scriptRoot: opts.dir,
    });
    for (const r of runs) {
      const ok = r.status === 'passed';
      if (ok) passed++;
      else failed++;
      out(
        `${ok ? 'PASS' : r.status === 'unsupported' ? 'UNSUPPORTED' : 'FAIL'} ${r.name}${ok ? '' : `: ${r.reason ?? ''}`}`,
      );
      if (!ok && (opts.verbose || r.detail)) out(`    ${(r.detail ?? '').replaceAll('\n', '\n    ')}`);
    }
  }
  out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
