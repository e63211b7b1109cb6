import type { GeneratedEvent } from './events.ts';

/**
 * Where generated events go. `write` takes events in emission order and resolves when the sink
 * can take more (backpressure), not when they are acknowledged; `flush` waits until everything
 * written is acknowledged. Counters go to the run's RunStats.
 */
export interface Sink {
  write(events: readonly GeneratedEvent[]): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Records written but not yet acknowledged. */
  readonly unacknowledged: number;
}
