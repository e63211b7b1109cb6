import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runTestQueries } from './test-queries-command.ts';

describe('npm run test-queries', () => {
  let dir: string;
  let printed: string[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'query-tests-'));
    printed = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      printed.push(String(s));
      return true;
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('says so and succeeds when there are no tests', async () => {
    expect(await runTestQueries({ dir })).toBe(0);
    expect(printed.at(-1)).toBe('0 passed, 0 failed\n');
  });

  it('prints one line per test, the totals, and fails when a test fails', async () => {
    const stream = "CREATE STREAM foo (id INT KEY, col1 INT) WITH (kafka_topic='foo', value_format='JSON');";
    await writeFile(
      join(dir, 'orders.sql'),
      [
        '--@test: passes',
        stream,
        'INSERT INTO foo (rowtime, id, col1) VALUES (1, 1, 1);',
        'ASSERT VALUES foo (rowtime, id, col1) VALUES (1, 1, 1);',
        '--@test: fails',
        stream,
        'INSERT INTO foo (rowtime, id, col1) VALUES (1, 1, 1);',
        'ASSERT VALUES foo (rowtime, id, col1) VALUES (1, 1, 2);',
      ].join('\n'),
    );
    expect(await runTestQueries({ dir })).toBe(1);
    expect(printed.filter((l) => !l.startsWith('    '))).toEqual([
      'PASS orders - passes\n',
      'FAIL orders - fails: assertion failed\n',
      '1 passed, 1 failed\n',
    ]);
    expect(printed.join('')).toContain('Expected record does not match actual.');
  });
});
