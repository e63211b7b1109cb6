import { expandFile } from './case-expander.ts';
import type { EngineModules } from './engine-modules.ts';
import { loadQttFile } from './qtt-loader.ts';
import type { TestFile } from './qtt-paths.ts';
import { runQttCase } from './run-case.ts';
import { isAdminOnly, runRestCase } from './run-rest-case.ts';
import { runRestQueryCase } from './run-rest-query.ts';
import type { RunResult } from './run-result.ts';
import { runSqlTestFile } from './sql-test-executor.ts';

export interface FileResult {
  readonly file: TestFile;
  readonly runs: readonly RunResult[];
}

export interface RunOptions {
  /** Only runs whose full name is in this set (the baseline test). */
  readonly only?: ReadonlySet<string>;
  /** Only runs whose name contains this text. */
  readonly filter?: string;
}

/** Runs every run of one file. REST files count as unsupported runs, never silently dropped. */
export async function runFile(
  file: TestFile,
  mods: EngineModules,
  opts: RunOptions = {},
): Promise<FileResult> {
  const wanted = (name: string): boolean =>
    (opts.only === undefined || opts.only.has(name)) &&
    (opts.filter === undefined || name.includes(opts.filter));
  if (file.kind === 'sql') {
    return { file, runs: await runSqlTestFile(file, mods, wanted) };
  }
  const runs: RunResult[] = [];
  let qtt: Awaited<ReturnType<typeof loadQttFile>>;
  try {
    qtt = await loadQttFile(file.path);
  } catch (e) {
    // A file that does not load is one failed run, not the end of the whole conformance run.
    const name = `${file.label.replace(/^.*\//, '').replace(/\.json$/, '')} - (file)`;
    const detail = e instanceof Error ? e.message : String(e);
    return {
      file,
      runs: wanted(name)
        ? [{ name, file: file.label, status: 'failed', reason: 'test file does not load', detail }]
        : [],
    };
  }
  for (const run of expandFile(qtt)) {
    if (!wanted(run.name)) continue;
    if (file.kind === 'rest' && isAdminOnly(run)) {
      runs.push(await runRestCase(run, mods, file.label));
    } else if (file.kind === 'rest') {
      runs.push(await runRestQueryCase(run, mods, file.label));
    } else {
      runs.push(await runQttCase(run, mods, file.label));
    }
  }
  return { file, runs };
}

export interface Totals {
  readonly passed: number;
  readonly failed: number;
  readonly unsupported: number;
  readonly runs: number;
}

export function totals(runs: readonly RunResult[]): Totals {
  const count = (s: RunResult['status']): number => runs.filter((r) => r.status === s).length;
  return {
    passed: count('passed'),
    failed: count('failed'),
    unsupported: count('unsupported'),
    runs: runs.length,
  };
}

/** `tumbling-windows.json: 7/7 passed` (+ `, 1 failed, 2 unsupported` when any). */
export function fileLine(r: FileResult): string {
  const t = totals(r.runs);
  const extra = [t.failed ? `${t.failed} failed` : '', t.unsupported ? `${t.unsupported} unsupported` : '']
    .filter(Boolean)
    .join(', ');
  return `${r.file.label}: ${t.passed}/${t.runs} passed${extra ? `, ${extra}` : ''}`;
}

export function summaryLine(t: Totals): string {
  return `conformance: ${t.passed} passed, ${t.failed} failed, ${t.unsupported} unsupported of ${t.runs} runs`;
}
