import { describe, expect, it } from 'vitest';
import { renderReport, groupByReason } from './report.ts';
import type { FileResult } from './run-files.ts';
import { fileLine, summaryLine, totals } from './run-files.ts';
import type { RunResult } from './run-result.ts';

const run = (name: string, status: RunResult['status'], reason?: string, detail?: string): RunResult => ({
  name,
  file: `${name.split(' - ')[0]}.json`,
  status,
  ...(reason ? { reason } : {}),
  ...(detail ? { detail } : {}),
});

const results: FileResult[] = [
  {
    file: { path: '/q/count.json', label: 'count.json', kind: 'qtt' },
    runs: [
      run('count - a', 'passed'),
      run('count - b', 'failed', 'output mismatch', 'topic S2 record 1\nmore'),
    ],
  },
  {
    file: { path: '/q/avro.json', label: 'avro.json', kind: 'qtt' },
    runs: [
      run('avro - p', 'unsupported', 'unsupported: PROTOBUF format'),
      run('avro - q', 'failed', 'output mismatch', 'x|y'),
      run('avro - r', 'failed', 'expected exception not thrown'),
    ],
  },
];

describe('report', () => {
  it('prints the per-file line and the closing line exactly', () => {
    expect(fileLine(results[0]!)).toBe('count.json: 1/2 passed, 1 failed');
    expect(fileLine(results[1]!)).toBe('avro.json: 0/3 passed, 2 failed, 1 unsupported');
    expect(summaryLine(totals(results.flatMap((r) => r.runs)))).toBe(
      'conformance: 1 passed, 3 failed, 1 unsupported of 5 runs',
    );
  });

  it('groups non-passing runs by reason, failures first, biggest group first', () => {
    const groups = groupByReason(results.flatMap((r) => r.runs).filter((r) => r.status !== 'passed'));
    expect(groups.map(([reason, runs]) => [reason, runs.map((r) => r.name)])).toEqual([
      ['output mismatch', ['count - b', 'avro - q']],
      ['expected exception not thrown', ['avro - r']],
      ['unsupported: PROTOBUF format', ['avro - p']],
    ]);
  });

  it('renders totals, the table, the groups with first detail lines, and notes', () => {
    const md = renderReport(results, {
      command: 'npm run conformance -- --report docs/conformance.md',
      notes: '## Notes\n\nhi',
    });
    expect(md).toContain('conformance: 1 passed, 3 failed, 1 unsupported of 5 runs');
    expect(md).toContain('| count.json | 2 | 1 | 1 | 0 |');
    expect(md).toContain('### output mismatch (2)');
    expect(md).toContain('- count - b — topic S2 record 1\n');
    expect(md).toContain('- avro - q — x\\|y');
    expect(md.indexOf('## Notes')).toBeGreaterThan(md.indexOf('| count.json |'));
    expect(md.indexOf('## Notes')).toBeLessThan(md.indexOf('## Runs that do not pass'));
  });
});

import { baselineOf, diffBaseline, mergeBaseline } from './baseline.ts';

describe('baseline', () => {
  const runs: RunResult[] = [
    run('a - x', 'passed'),
    run('a - y', 'failed', 'output mismatch'),
    run('a - dup', 'passed'),
    run('a - dup', 'unsupported', 'unsupported: joins'),
    run('a - z', 'passed'),
  ];

  it('lists the runs that pass, sorted; a name shared by a failing run is not passing', () => {
    expect(baselineOf(runs)).toEqual(['a - x', 'a - z']);
  });

  it('updates only the runs executed now, keeping the other entries', () => {
    expect(mergeBaseline(['a - y', 'b - other', 'a - dup'], runs)).toEqual(['a - x', 'a - z', 'b - other']);
  });

  it('names baseline runs that stopped passing or did not run, and reports new passes', () => {
    const diff = diffBaseline(['a - dup', 'a - gone', 'a - x', 'a - y'], runs);
    expect(diff.regressed.map((r) => [r.name, r.result?.status])).toEqual([
      ['a - dup', 'unsupported'],
      ['a - gone', undefined],
      ['a - y', 'failed'],
    ]);
    expect(diff.newlyPassing).toEqual(['a - z']);
  });
});
