import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { pacedBatches } from './paced.ts';
import { OrderSource } from './source.ts';

describe('pacedBatches', () => {
  it('releases each event once it is due on the injected clock, then the truth', async () => {
    const start = Date.UTC(2026, 0, 1);
    const clock = new ManualClock(start);
    const source = new OrderSource({
      scenarios: ['baseline'],
      rate: 100,
      seed: 'paced',
      startMs: start,
      durationMs: 5_000,
    });
    let orders = 0;
    let early = 0;
    let truth = 0;
    for await (const batch of pacedBatches(source, { clock })) {
      for (const e of batch) {
        if (e.kind === 'truth') truth++;
        else {
          orders++;
          if (e.at > clock.now()) early++;
        }
      }
    }
    expect(orders).toBe(500);
    expect(early).toBe(0);
    expect(truth).toBe(1);
    expect(clock.now()).toBeGreaterThanOrEqual(start + 4_990);
  });

  it('stops on abort and still yields the truth of open episodes', async () => {
    const start = Date.UTC(2026, 0, 1);
    const clock = new ManualClock(start);
    const controller = new AbortController();
    const source = new OrderSource({ scenarios: ['macro-bot'], rate: 1, seed: 'paced', startMs: start });
    const seen: string[] = [];
    for await (const batch of pacedBatches(source, { clock, signal: controller.signal })) {
      for (const e of batch) seen.push(e.kind === 'truth' ? `truth:${String(e.truth.complete)}` : e.kind);
      if (seen.length >= 5) controller.abort();
    }
    expect(seen.slice(0, 5)).toEqual(['order', 'order', 'order', 'order', 'order']);
    expect(seen[seen.length - 1]).toBe('truth:false');
  });
});
