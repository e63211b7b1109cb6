import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import * as prettier from 'prettier';
import { cliAction } from '../../../common/cli-action.ts';
import { BASELINE_PATH, diffBaseline, mergeBaseline, readBaseline, writeBaseline } from './baseline.ts';
import { loadEngineModules } from './engine-modules.ts';
import { renderReport } from './report.ts';
import { fileLine, runFile, summaryLine, totals, type FileResult } from './run-files.ts';
import { selectFiles } from './select-files.ts';

interface ConformanceOptions {
  readonly verbose?: boolean;
  readonly updateBaseline?: boolean;
  readonly report?: string;
  readonly filter?: string;
}

const NOTES_PATH = fileURLToPath(new URL('./report-notes.md', import.meta.url));

/** `npm run conformance [-- <file.json|file.sql> ...]`: ksqlDB's QTT and SQL test files on the local engine. */
export function registerConformance(program: Command): void {
  program
    .command('conformance')
    .description("run ksqlDB's query-validation tests (../shared/ksqldb-qtt) on the local engine")
    .argument('[files...]', 'QTT *.json or SQL test *.sql files (default: all of ../shared/ksqldb-qtt)')
    .option('--verbose', 'print every failing run with its reason (expected vs actual)')
    .option('--filter <text>', 'only runs whose name contains <text>')
    .option('--update-baseline', `rewrite ${'ksql/engine/conformance/baseline.json'} with the runs that pass`)
    .option('--report <file>', 'write the markdown report (e.g. docs/conformance.md)')
    .action(
      // --verbose is also the program's global flag (stack traces); commander hands it to the root.
      cliAction(async (files: string[], _opts: ConformanceOptions, cmd: Command) =>
        runConformance(files, cmd.optsWithGlobals<ConformanceOptions>()),
      ),
    );
}

export async function runConformance(args: readonly string[], opts: ConformanceOptions): Promise<number> {
  const files = await selectFiles(args);
  const mods = await loadEngineModules();
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  const results: FileResult[] = [];
  for (const file of files) {
    const r = await runFile(file, mods, opts.filter !== undefined ? { filter: opts.filter } : {});
    results.push(r);
    out(fileLine(r));
    if (opts.verbose) {
      for (const run of r.runs.filter((x) => x.status !== 'passed')) {
        out(`  ${run.status.toUpperCase()} ${run.name}: ${run.reason ?? ''}`);
        if (run.detail) out(`    ${run.detail.replaceAll('\n', '\n    ')}`);
      }
    }
  }
  const all = results.flatMap((r) => r.runs);
  if (opts.updateBaseline) {
    const previous = await readBaseline();
    // Runs not executed this time (other files, --filter) keep their baseline entries.
    const next = mergeBaseline(previous, all);
    const dropped = diffBaseline(previous, all).regressed.filter((r) => r.result !== undefined);
    await writeBaseline(next);
    out(`baseline: ${next.length} passing runs written to ${BASELINE_PATH}`);
    if (dropped.length > 0)
      out(`baseline: ${dropped.length} runs dropped: ${dropped.map((r) => r.name).join('; ')}`);
  }
  if (opts.report) {
    const notes = await readFile(NOTES_PATH, 'utf8').catch(() => undefined);
    const markdown = renderReport(results, {
      command: `npm run conformance -- --report ${opts.report}`,
      ...(notes ? { notes } : {}),
    });
    // Written as the repository's prettier settings print it, so `npm run format:check` stays clean.
    const config = (await prettier.resolveConfig(opts.report)) ?? {};
    await writeFile(opts.report, await prettier.format(markdown, { ...config, parser: 'markdown' }));
    out(`report written to ${opts.report}`);
  }
  const t = totals(all);
  out(summaryLine(t));
  return 0;
}
