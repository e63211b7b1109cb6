import { OrderEncoder } from './avro.ts';
import type { GeneratedEvent } from './events.ts';
import type { Sink } from './sink.ts';
import type { RunStats } from './stats.ts';

/** --dry-run: encodes every record as the Kafka sink would (same encoder), and drops the bytes. */
export class DryRunSink implements Sink {
  readonly unacknowledged = 0;
  private readonly encoder: OrderEncoder;

  constructor(
    private readonly stats: RunStats,
    schemaId = 1,
  ) {
    this.encoder = new OrderEncoder(schemaId);
  }

  async write(events: readonly GeneratedEvent[]): Promise<void> {
    let n = 0;
    let bytes = 0;
    for (const e of events) {
      if (e.kind === 'order') {
        bytes += this.encoder.encodeInPlace(e.order);
        n++;
      } else if (e.kind === 'raw') {
        bytes += e.body.length + (e.schemaId === null ? 0 : 5);
        n++;
      }
    }
    this.stats.recordLocal(n, bytes);
  }

  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
