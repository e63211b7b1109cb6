import type { Clock } from './clock.ts';
import type { GeneratedEvent } from './events.ts';
import { Pacer } from './pacer.ts';
import type { OrderSource } from './source.ts';

export interface PacedOptions {
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** Most records per yielded batch. */
  readonly maxBatch?: number;
}

/**
 * The source as an async iterator of batches released in real time (by deadline, like the
 * CLI): for in-process consumers such as the local pipeline, with no transport in between.
 * On abort it stops pacing and yields the truth of open episodes as a last batch.
 */
export async function* pacedBatches(
  source: OrderSource,
  opts: PacedOptions,
): AsyncGenerator<GeneratedEvent[]> {
  const pacer = new Pacer(opts.clock, source.options.startMs);
  while (!source.exhausted && !opts.signal?.aborted) {
    const batch: GeneratedEvent[] = [];
    source.take(pacer.dueUntil(), opts.maxBatch ?? 10_000, batch);
    if (batch.length > 0) yield batch;
    else await pacer.waitFor(source.peekAt());
  }
  source.stop();
  const tail: GeneratedEvent[] = [];
  source.take(Infinity, Infinity, tail);
  if (tail.length > 0) yield tail;
}
