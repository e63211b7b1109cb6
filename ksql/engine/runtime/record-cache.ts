/**
 * Kafka Streams' record cache in front of a sink (reference e.3, ARCHITECTURE decision 9):
 * updates are coalesced per key (last one wins, in first-insertion order) and forwarded on
 * commit (every `ksql.streams.commit.interval.ms`, default 2000, by the injected clock) or when
 * the cache exceeds `ksql.streams.cache.max.bytes.buffering` (default 10 MB, estimated here as
 * a fixed size per entry). Off (size 0) in test mode, exactly as QTT's driver runs.
 */
export class RecordCache<T> {
  private readonly pending = new Set<T>();
  private nextCommit: number;

  constructor(
    private readonly forward: (item: T) => void,
    private readonly maxEntries: number,
    private readonly commitIntervalMs: number,
    private readonly clock: () => number,
  ) {
    this.nextCommit = clock() + commitIntervalMs;
  }

  /** Bytes per cached entry used to turn the configured byte budget into an entry budget. */
  static readonly ENTRY_BYTES = 200;

  /** Items are coalesced by identity (one mutable row per key/window). */
  put(item: T): void {
    if (this.maxEntries <= 0) {
      this.forward(item);
      return;
    }
    // Forwarded in first-update order. Over budget, everything is forwarded at once (Kafka
    // Streams evicts LRU entries one by one; the same records reach the sink, cheaper).
    if (this.pending.has(item)) return;
    this.pending.add(item);
    if (this.pending.size > this.maxEntries) this.flush();
  }

  /** Called per processed record: commits when the interval has elapsed. */
  tick(): void {
    if (this.pending.size === 0) return;
    const now = this.clock();
    if (now >= this.nextCommit) {
      this.flush();
      this.nextCommit = now + this.commitIntervalMs;
    }
  }

  flush(): void {
    if (this.pending.size === 0) return;
    const items = [...this.pending];
    this.pending.clear();
    for (const item of items) this.forward(item);
  }

  get size(): number {
    return this.pending.size;
  }
}
