import { describe, expect, it } from 'vitest';
import type { Clock } from './clock.ts';
import type { GeneratedEvent } from './events.ts';
import { resolveOptions } from './options.ts';
import { Pacer } from './pacer.ts';
import { Prng } from './prng.ts';
import { runGenerator } from './run.ts';
import type { Sink } from './sink.ts';
import { RunStats } from './stats.ts';

/**
 * A simulated wall clock with the faults of a real one: timers fire late by 0-15 ms, and each
 * write to the sink costs time. No real time passes.
 */
class JitteryClock implements Clock {
  private readonly prng = new Prng('jitter');
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.t += Math.max(0, ms) + this.prng.next() * 15;
  }
}

/** Records the (simulated) wall-clock time at which each order is handed over. */
class RecordingSink implements Sink {
  readonly unacknowledged = 0;
  readonly times: number[] = [];
  constructor(
    private readonly clock: JitteryClock,
    private readonly stats: RunStats,
  ) {}
  async write(events: readonly GeneratedEvent[]): Promise<void> {
    let n = 0;
    for (const e of events) {
      if (e.kind === 'truth') continue;
      this.times.push(this.clock.now());
      n++;
    }
    this.stats.recordLocal(n, 0);
    this.clock.t += 0.5 + n * 0.002; // encoding and sending cost time
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}

describe('pacer (injected clock)', () => {
  it('holds 10,000 orders/s within 1 % over every 10 s span of a 60 s run, despite late timers', async () => {
    const t0 = Date.UTC(2026, 0, 1);
    const clock = new JitteryClock(t0);
    let sink: RecordingSink | undefined;
    const opts = resolveOptions(
      { rate: '10000', duration: '60', seed: 'pace', pace: 'realtime', dryRun: true },
      [],
      {},
    );
    const result = await runGenerator(
      { ...opts, startTime: t0 },
      { clock, progressIntervalMs: 0, sink: (stats) => (sink = new RecordingSink(clock, stats)) },
    );
    const times = (sink as RecordingSink).times;
    expect(times).toHaveLength(600_000);
    expect(result.stats.acked).toBe(600_000);
    // Every 10 s span starting on each 100 ms step: count the orders handed over inside it.
    let worst = 0;
    let lo = 0;
    let hi = 0;
    for (let start = t0; start + 10_000 <= t0 + 60_000; start += 100) {
      while (lo < times.length && (times[lo] as number) < start) lo++;
      while (hi < times.length && (times[hi] as number) < start + 10_000) hi++;
      worst = Math.max(worst, Math.abs(hi - lo - 100_000) / 100_000);
    }
    expect(worst).toBeLessThan(0.01);
    // And no order is handed over before it is due, nor more than a tick plus a timer late.
    const lateness = times.map((t, i) => t - (t0 + Math.floor(i / 10)));
    expect(Math.min(...lateness.slice(0, 1000))).toBeGreaterThanOrEqual(0);
    expect(lateness.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(30);
  });

  it('reports lag when the sink falls behind, and never sleeps past a due event', async () => {
    const clock = new JitteryClock(1000);
    const pacer = new Pacer(clock, 5000, 5);
    expect(pacer.dueUntil()).toBe(5000);
    expect(pacer.lagMs(5100)).toBe(0);
    clock.t += 300;
    expect(pacer.lagMs(5100)).toBe(200);
    const before = clock.t;
    await pacer.waitFor(5300 + 2); // 2 ms ahead: sleeps 2 ms (+ timer jitter), not a whole tick
    expect(clock.t - before).toBeGreaterThanOrEqual(2);
    expect(clock.t - before).toBeLessThan(2 + 15);
  });
});
