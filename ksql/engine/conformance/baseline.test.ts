import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { diffBaseline, filesFor, readBaseline } from './baseline.ts';
import { expandFile } from './case-expander.ts';
import { loadEngineModules } from './engine-modules.ts';
import { loadQttFile } from './qtt-loader.ts';
import { listQttFiles } from './qtt-paths.ts';
import { runFile } from './run-files.ts';
import type { RunResult } from './run-result.ts';
import { parseSqlTestFile } from './sql-test-parser.ts';

/**
 * The runs listed in baseline.json (written by `npm run conformance -- --update-baseline`)
 * must keep passing. Runs that newly pass are reported, not failures: refresh the baseline.
 */
const baseline = await readBaseline();
const files = await listQttFiles();

async function allRunNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const f of files) {
    if (f.kind === 'sql') {
      const stem = f.label.slice(f.label.lastIndexOf('/') + 1).replace(/\.sql$/, '');
      const tests = parseSqlTestFile(f.label, await readFile(f.path, 'utf8'), () => []);
      for (const t of tests) names.add(`${stem} - ${t.name}`);
    } else {
      for (const r of expandFile(await loadQttFile(f.path))) names.add(r.name);
    }
  }
  return names;
}

describe('conformance baseline', () => {
  it('is sorted, without duplicates, and names only runs that exist', async () => {
    expect(baseline).toEqual([...new Set(baseline)].sort());
    const known = await allRunNames();
    expect(baseline.filter((n) => !known.has(n))).toEqual([]);
  });

  it.runIf(baseline.length > 0)(
    'every run of the baseline still passes',
    async () => {
      const mods = await loadEngineModules();
      const only = new Set(baseline);
      const results: RunResult[] = [];
      for (const f of filesFor(baseline, files)) results.push(...(await runFile(f, mods, { only })).runs);
      const diff = diffBaseline(baseline, results);
      if (diff.newlyPassing.length > 0) {
        console.info(`newly passing (run --update-baseline): ${diff.newlyPassing.join('; ')}`);
      }
      expect(
        diff.regressed.map(
          (r) =>
            `${r.name}: ${r.result ? `${r.result.status} — ${r.result.reason ?? ''}: ${r.result.detail?.split('\n')[0] ?? ''}` : 'not run'}`,
        ),
      ).toEqual([]);
    },
    120_000,
  );
});
