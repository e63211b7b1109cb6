import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../common/errors.ts';
import { ORDER_TYPE } from './avro.ts';
import { ManualClock } from './clock.ts';
import { resolveOptions } from './options.ts';
import { runGenerator } from './run.ts';
import type { TruthRecord } from './truth.ts';

const dir = mkdtempSync(join(tmpdir(), 'generator-run-'));
const opts = (flags: Record<string, unknown>) => resolveOptions(flags, [], {}, () => undefined);

describe('runGenerator', () => {
  it('--out with --seed and --start-time writes byte-identical files, truth apart from orders', async () => {
    const files = [1, 2].map((i) => ({ out: join(dir, `o${i}.jsonl`), truth: join(dir, `t${i}.jsonl`) }));
    for (const f of files) {
      const r = await runGenerator(
        opts({
          out: f.out,
          truthFile: f.truth,
          seed: 'same',
          startTime: '2026-01-01T00:00:00Z',
          rate: '200',
          duration: '120',
          scenario: 'all',
        }),
        { progressIntervalMs: 0 },
      );
      expect(r.stats.acked).toBeGreaterThan(24_000);
    }
    const [a, b] = files as [{ out: string; truth: string }, { out: string; truth: string }];
    expect(readFileSync(b.out).equals(readFileSync(a.out))).toBe(true);
    expect(readFileSync(b.truth).equals(readFileSync(a.truth))).toBe(true);

    const lines = readFileSync(a.out, 'utf8').trimEnd().split('\n');
    const orders = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((o) => !('_malformed' in o));
    // Each order line is exactly an Avro record of orders.avsc.
    for (const o of orders.slice(0, 500)) expect(ORDER_TYPE.isValid(o)).toBe(true);
    expect(orders.some((o) => 'truth' in o || 'scenario' in o)).toBe(false);
    const malformed = lines.filter((l) => l.startsWith('{"_malformed"')).map((l) => JSON.parse(l)._malformed);
    expect(malformed.length).toBeGreaterThan(0);
    for (const m of malformed) {
      expect(Object.keys(m)).toEqual(['key', 'defect', 'schema_id', 'body_base64']);
      expect(Buffer.from(m.body_base64, 'base64').length).toBeGreaterThan(0);
    }
    const truth = readFileSync(a.truth, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as TruthRecord);
    expect(new Set(truth.map((t) => t.scenario))).toEqual(
      new Set([
        'baseline',
        'macro-bot',
        'distributed-bots',
        'slow-drip',
        'high-value',
        'late-events',
        'malformed',
      ]),
    );
  });

  it('a different seed gives different ids', async () => {
    const out = join(dir, 'o3.jsonl');
    await runGenerator(
      opts({
        out,
        seed: 'other',
        startTime: '2026-01-01T00:00:00Z',
        rate: '200',
        duration: '120',
        scenario: 'all',
      }),
      {
        progressIntervalMs: 0,
      },
    );
    expect(readFileSync(out, 'utf8').slice(0, 40)).not.toBe(
      readFileSync(join(dir, 'o1.jsonl'), 'utf8').slice(0, 40),
    );
  });

  it('stops on abort: flushes, reports truth of open episodes as incomplete, and ends normally', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const controller = new AbortController();
    const truthFile = join(dir, 'abort-truth.jsonl');
    let writes = 0;
    const r = await runGenerator(
      opts({
        rate: '1000',
        seed: 'abort',
        scenario: 'baseline,macro-bot',
        pace: 'realtime',
        dryRun: true,
        truthFile,
      }),
      {
        clock,
        progressIntervalMs: 0,
        signal: controller.signal,
        sink: (stats) => ({
          unacknowledged: 0,
          write: async (events) => {
            stats.recordLocal(events.filter((e) => e.kind !== 'truth').length, 0);
            if (++writes === 15_000) controller.abort(); // ~15 s of simulated time in
          },
          flush: async () => undefined,
          close: async () => undefined,
        }),
      },
    );
    expect(r.stoppedBy).toBe('signal');
    expect(r.stats.acked).toBeGreaterThan(10_000);
    expect(r.stats.finalLine()).toMatch(
      /^generated: \d+ orders in [\d.]+ s, achieved \d+ orders\/s \(target 1000\), p99 produce latency \d+ ms, errors 0$/,
    );
    const truth = readFileSync(truthFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as TruthRecord);
    expect(truth.find((t) => t.scenario === 'macro-bot')).toMatchObject({ complete: false });
    expect(truth.find((t) => t.scenario === 'baseline')).toMatchObject({ complete: true });
  });

  it('names the registry address when it cannot be reached (exit 1)', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/apis/ccompat/v7`;
    const err = await runGenerator(opts({ schemaRegistry: url, count: '10' }), {
      progressIntervalMs: 0,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect((err as ServiceUnavailableError).exitCode).toBe(1);
    expect((err as ServiceUnavailableError).message).toContain(url);
  });
});

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
