import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runTestQueries } from '../engine/conformance/test-queries-command.ts';

/** `npm run test-queries` is part of `npm test`: every query test in ksql/tests passes on the local engine. */
describe('ksql/tests on the local engine', () => {
  let printed: string[];
  beforeEach(() => {
    printed = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      printed.push(String(s));
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('passes every test', async () => {
    const code = await runTestQueries({ dir: 'ksql/tests', verbose: true });
    const failures = printed.filter((l) => l.startsWith('FAIL'));
    expect(failures).toEqual([]);
    expect(code).toBe(0);
    const total = /^(\d+) passed, 0 failed$/m.exec(printed.join(''));
    expect(Number(total?.[1])).toBeGreaterThanOrEqual(16);
  });
});
