import { randomBytes } from 'node:crypto';
import { RuntimeFailure } from '../common/errors.ts';
import { type Clock, systemClock } from './clock.ts';
import { withDeadline } from './deadline.ts';
import { DryRunSink } from './dry-run-sink.ts';
import type { GeneratedEvent } from './events.ts';
import { FileSink, JsonLinesFile } from './file-sink.ts';
import { KafkaSink } from './kafka-sink.ts';
import { Lifecycle } from './lifecycle.ts';
import type { GenerateOptions } from './options.ts';
import { Pacer } from './pacer.ts';
import { registerOrderSchema, registryClient } from './registry.ts';
import type { Sink } from './sink.ts';
import { OrderSource } from './source.ts';
import { RunStats } from './stats.ts';

export interface RunDeps {
  readonly clock?: Clock;
  /** Progress and notices (stderr in the CLI). */
  readonly log?: (line: string) => void;
  /** Aborting stops pacing, flushes what is in flight and ends the run normally. */
  readonly signal?: AbortSignal;
  /** Progress line period; 0 = none. */
  readonly progressIntervalMs?: number;
  /** Replaces the sink chosen from the options (tests; the local pipeline). */
  readonly sink?: (stats: RunStats) => Sink;
  /** Called once the run starts producing, with its live counters (benchmarks sample them). */
  readonly onStart?: (stats: RunStats) => void;
  /** How long the final flush may take before the run fails. */
  readonly flushDeadlineMs?: number;
}

export interface RunResult {
  readonly stats: RunStats;
  readonly seed: string;
  readonly startMs: number;
  readonly stoppedBy: 'limit' | 'signal';
}

/**
 * One `generate` run: source -> (pacer) -> sink, with a progress line each second. Library
 * code: it never exits the process; the command prints the final line and picks the exit code.
 */
export async function runGenerator(opts: GenerateOptions, deps: RunDeps = {}): Promise<RunResult> {
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? (() => undefined);
  const lifecycle = new Lifecycle();
  const seed = opts.seed ?? randomBytes(8).toString('hex');
  if (opts.seed === undefined) log(`seed: ${seed} (pass --seed ${seed} to repeat this run)`);
  const startMs = Math.floor(opts.startTime ?? clock.now());
  const source = new OrderSource({
    scenarios: opts.scenarios,
    rate: opts.rate,
    seed,
    startMs,
    durationMs: opts.durationS === undefined ? undefined : Math.round(opts.durationS * 1000),
    count: opts.count,
  });

  const stats = new RunStats(clock, opts.rate);
  let sink: Sink;
  try {
    sink = deps.sink ? deps.sink(stats) : await openSink(opts, clock, stats);
  } catch (err) {
    lifecycle.to('stopped');
    throw err;
  }
  const truthFile = opts.truthFile === undefined ? undefined : new JsonLinesFile(opts.truthFile);
  stats.markStart(); // rates count from the first record, not from connecting
  deps.onStart?.(stats);
  const progress =
    (deps.progressIntervalMs ?? 1000) > 0
      ? setInterval(() => log(stats.progressLine()), deps.progressIntervalMs ?? 1000)
      : undefined;
  progress?.unref();

  const paced = opts.pace === 'realtime';
  const pacer = paced ? new Pacer(clock, startMs) : undefined;
  const batch: GeneratedEvent[] = [];
  const deliver = async () => {
    if (batch.length === 0) return;
    if (truthFile) {
      const lines = batch.flatMap((e) => (e.kind === 'truth' ? [JSON.stringify(e.truth)] : []));
      await truthFile.write(lines);
    }
    for (const e of batch) {
      if (e.kind === 'truth') stats.truthRecords++;
      else stats.generated++;
    }
    await sink.write(batch);
    batch.length = 0;
  };

  lifecycle.to('running');
  let stoppedBy: RunResult['stoppedBy'] = 'limit';
  try {
    while (!source.exhausted) {
      if (deps.signal?.aborted) {
        stoppedBy = 'signal';
        break;
      }
      if (pacer) {
        const due = pacer.dueUntil();
        source.take(due, 50_000, batch);
        if (batch.length > 0) {
          stats.noteLag(due - (batch[0] as GeneratedEvent).at);
          await deliver();
        } else {
          await pacer.waitFor(source.peekAt());
        }
      } else {
        source.take(Infinity, 5_000, batch);
        await deliver();
        // Let timers and signal handlers run between batches of an unpaced run.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    lifecycle.to('draining');
    source.stop();
    source.take(Infinity, Infinity, batch); // truth of episodes cut short
    await deliver();
    await withDeadline(
      sink.flush(),
      deps.flushDeadlineMs ?? 30_000,
      () =>
        new RuntimeFailure(
          `${sink.unacknowledged} records were not acknowledged within ${(deps.flushDeadlineMs ?? 30_000) / 1000} s`,
        ),
    );
  } finally {
    if (progress) clearInterval(progress);
    await sink.close().catch(() => undefined);
    await truthFile?.close();
    if (lifecycle.state === 'running') lifecycle.to('draining');
    lifecycle.to('stopped');
  }
  return { stats, seed, startMs, stoppedBy };
}

async function openSink(opts: GenerateOptions, clock: Clock, stats: RunStats): Promise<Sink> {
  if (opts.out !== undefined) return new FileSink(opts.out, stats);
  if (opts.dryRun) return new DryRunSink(stats);
  const schemaId = await registerOrderSchema(
    registryClient(opts.schemaRegistry),
    opts.schemaRegistry,
    opts.topic,
  );
  return KafkaSink.open({
    brokers: opts.bootstrapServer,
    topic: opts.topic,
    truthTopic: opts.truthTopic === '' ? undefined : opts.truthTopic,
    partitions: opts.partitions,
    schemaId,
    clock,
    stats,
  });
}
