import { describe, expect, it } from 'vitest';
import { PollTimeout, pollUntil } from './poll.ts';

/** A fake clock: waiting advances time instantly, so no test depends on the wall clock. */
function fakeClock() {
  let t = 0;
  return { now: () => t, wait: async (ms: number) => void (t += ms) };
}

describe('pollUntil', () => {
  it('returns the first defined value, treating throws as "not yet"', async () => {
    let calls = 0;
    const value = await pollUntil(
      async () => {
        calls++;
        if (calls < 3) throw new Error('connection refused');
        return calls === 3 ? undefined : 'ready';
      },
      { timeoutMs: 10_000, intervalMs: 100, ...fakeClock() },
    );
    expect(value).toBe('ready');
    expect(calls).toBe(4);
  });

  it('times out with the last error in the message', async () => {
    const err = await pollUntil(
      async () => {
        throw new Error('ECONNREFUSED 127.0.0.1:19092');
      },
      { timeoutMs: 1000, intervalMs: 100, ...fakeClock() },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PollTimeout);
    expect((err as PollTimeout).reason).toBe('timeout');
    expect((err as PollTimeout).message).toMatch(/not ready after 1 s: ECONNREFUSED/);
  });

  it('stops at once when abortIf gives a reason', async () => {
    let probes = 0;
    const err = await pollUntil(
      async () => {
        probes++;
        return undefined;
      },
      {
        timeoutMs: 60_000,
        intervalMs: 100,
        abortIf: () => (probes >= 2 ? 'process exited' : undefined),
        ...fakeClock(),
      },
    ).catch((e: unknown) => e);
    expect((err as PollTimeout).reason).toBe('aborted');
    expect((err as PollTimeout).message).toBe('process exited');
    expect(probes).toBe(2);
  });
});
