import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TestFile } from './qtt-paths.ts';
import type { RunResult } from './run-result.ts';

/** The committed list of runs known to pass; `npm run conformance -- --update-baseline` rewrites it. */
export const BASELINE_PATH = fileURLToPath(new URL('./baseline.json', import.meta.url));

export async function readBaseline(path: string = BASELINE_PATH): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return [];
    throw e;
  }
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || parsed.some((n) => typeof n !== 'string')) {
    throw new Error(`${path}: expected a JSON array of run names`);
  }
  return parsed as string[];
}

export function baselineOf(results: readonly RunResult[]): string[] {
  const notPassing = new Set(results.filter((r) => r.status !== 'passed').map((r) => r.name));
  return [
    ...new Set(results.filter((r) => r.status === 'passed' && !notPassing.has(r.name)).map((r) => r.name)),
  ].sort();
}

/** The previous baseline with every run executed now replaced by its current outcome. */
export function mergeBaseline(previous: readonly string[], results: readonly RunResult[]): string[] {
  const executed = new Set(results.map((r) => r.name));
  return [...new Set([...previous.filter((n) => !executed.has(n)), ...baselineOf(results)])].sort();
}

export async function writeBaseline(names: readonly string[], path: string = BASELINE_PATH): Promise<void> {
  await writeFile(path, `${JSON.stringify([...names].sort(), null, 2)}\n`);
}

/** A run name's file stem: everything before the first ` - ` (stems never contain it). */
export function stemOf(runName: string): string {
  const i = runName.indexOf(' - ');
  return i < 0 ? runName : runName.slice(0, i);
}

/** The files that hold the given runs. */
export function filesFor(names: readonly string[], files: readonly TestFile[]): TestFile[] {
  const stems = new Set(names.map(stemOf));
  return files.filter((f) => stems.has(fileStem(f.label)));
}

export function fileStem(label: string): string {
  const base = label.slice(label.lastIndexOf('/') + 1);
  return base.replace(/\.(json|sql)$/, '');
}

export interface BaselineDiff {
  /** In the baseline but not passing now (missing or failed/unsupported). */
  readonly regressed: readonly { readonly name: string; readonly result?: RunResult }[];
  /** Passing now but not in the baseline. */
  readonly newlyPassing: readonly string[];
}

export function diffBaseline(baseline: readonly string[], results: readonly RunResult[]): BaselineDiff {
  // Two runs can share a name (query-upgrades-filters.sql repeats a test name): the name passes
  // only if every run of that name does.
  const byName = new Map<string, RunResult>();
  for (const r of results)
    if (byName.get(r.name)?.status !== 'failed')
      byName.set(r.name, r.status === 'passed' ? (byName.get(r.name) ?? r) : r);
  const base = new Set(baseline);
  return {
    regressed: baseline
      .filter((n) => byName.get(n)?.status !== 'passed')
      .map((name) => {
        const result = byName.get(name);
        return result ? { name, result } : { name };
      }),
    newlyPassing: [...byName.values()]
      .filter((r) => r.status === 'passed' && !base.has(r.name))
      .map((r) => r.name),
  };
}
