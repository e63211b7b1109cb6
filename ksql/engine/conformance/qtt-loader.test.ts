import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandFile } from './case-expander.ts';
import { loadQttFile, parseQttFile } from './qtt-loader.ts';
import { listQttFiles, QTT_ROOT } from './qtt-paths.ts';

/** `| file | cases | disabled | runs | negative | ...` rows of MANIFEST.md, JSON files only. */
async function manifestRuns(): Promise<Map<string, { cases: number; runs: number }>> {
  const text = await readFile(join(QTT_ROOT, 'MANIFEST.md'), 'utf8');
  const rows = new Map<string, { cases: number; runs: number }>();
  for (const m of text.matchAll(/^\| (\S+\.json) \| (\d+) \| (\d+) \| (\d+) \|/gm)) {
    rows.set(m[1]!, { cases: Number(m[2]), runs: Number(m[4]) });
  }
  return rows;
}

describe('QTT loader and expander', () => {
  it('expands every JSON file to the runs MANIFEST.md counts', async () => {
    const manifest = await manifestRuns();
    const files = (await listQttFiles()).filter((f) => f.kind !== 'sql');
    expect(files.length).toBe(manifest.size);
    for (const f of files) {
      const qtt = await loadQttFile(f.path);
      const expected = manifest.get(f.label);
      expect(expected, f.label).toBeDefined();
      expect({ file: f.label, cases: qtt.cases.length, runs: expandFile(qtt).length }).toEqual({
        file: f.label,
        ...expected,
      });
    }
  });

  it('names runs <stem> - <name>[ - <format>][ - <prop>=<config>] and substitutes only statements/property', () => {
    const qtt = parseQttFile(
      '/x/formats.json',
      JSON.stringify({
        tests: [
          {
            name: 'c',
            format: ['AVRO', 'JSON'],
            config: ['true', 'false'],
            properties: { 'ksql.p': '{CONFIG}', other: '{FORMAT}' },
            statements: ["CREATE STREAM S WITH (value_format='{FORMAT}');"],
            inputs: [{ topic: 't', value: '{FORMAT}' }],
          },
          { name: 'off', enabled: false, statements: ['x'] },
        ],
      }),
    );
    const runs = expandFile(qtt);
    expect(runs.map((r) => r.name)).toEqual([
      'formats - c - AVRO - ksql.p=true',
      'formats - c - AVRO - ksql.p=false',
      'formats - c - JSON - ksql.p=true',
      'formats - c - JSON - ksql.p=false',
    ]);
    expect(runs[1]!.statements).toEqual(["CREATE STREAM S WITH (value_format='AVRO');"]);
    expect(runs[1]!.properties).toEqual({ 'ksql.p': 'false', other: '{FORMAT}' });
    expect(runs[1]!.testCase.inputs[0]!.value).toBe('{FORMAT}');
  });

  it('keeps number lexemes (12.30 is not 12.3, longs beyond 2^53 survive)', () => {
    const qtt = parseQttFile(
      'd.json',
      '{"tests":[{"name":"n","statements":["s"],"outputs":[{"topic":"o","key":9223372036854775807,"value":{"D":12.30}}]}]}',
    );
    const out = qtt.cases[0]!.outputs[0]!;
    expect(String(out.key)).toBe('9223372036854775807');
    expect(JSON.stringify(out.value)).toBe('{"D":{"value":"12.30","isLosslessNumber":true}}');
  });
});
