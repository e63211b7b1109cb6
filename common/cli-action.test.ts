import { describe, expect, it, vi } from 'vitest';
import { reportError } from './cli-action.ts';
import { ConfigError, RuntimeFailure, UsageError } from './errors.ts';

describe('reportError', () => {
  it('maps usage and config errors to exit 2 and runtime errors to exit 1, one line plus hint', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(
        reportError(new UsageError('--rate must be a positive number', { hint: 'e.g. --rate 1000' })),
      ).toBe(2);
      expect(write.mock.calls.map((c) => String(c[0]))).toEqual([
        'error: --rate must be a positive number\n',
        'hint: e.g. --rate 1000\n',
      ]);
      expect(reportError(new ConfigError('KSQLDB_URL', 'not a URL'))).toBe(2);
      expect(reportError(new RuntimeFailure('boom'))).toBe(1);
      expect(reportError(new Error('raw'))).toBe(1);
    } finally {
      write.mockRestore();
    }
  });
});
