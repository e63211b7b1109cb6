/** An item the cache can hold: the flag marks it as pending (coalescing by identity, no hashing). */
export interface Cacheable {
  cached?: boolean;
}

/**
 * Kafka Streams' record cache in front of a sink (reference e.3, ARCHITECTURE decision 9):
 * updates are coalesced per row (one mutable row per key/window; last value wins, forwarded in
 * first-update order) and forwarded on commit (every `ksql.streams.commit.interval.ms`, default
 * 2000, by the injected clock) or when the cache exceeds `ksql.streams.cache.max.bytes.buffering`
 * (default 10 MB, estimated as a fixed size per entry). Off (size 0) in test mode, exactly as
 * QTT's driver runs.
 */
export class RecordCache<T extends Cacheable> {
  private pending: T[] = [];
  private spare: T[] = [];
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

  put(item: T): void {
    if (this.maxEntries <= 0) {
      this.forward(item);
      return;
    }
    if (item.cached) return;
    item.cached = true;
    this.pending.push(item);
    // Over budget, everything is forwarded at once (Kafka Streams evicts LRU entries one by
    // one; the same records reach the sink, cheaper).
    if (this.pending.length > this.maxEntries) this.flush();
  }

  /** Called per processed record: commits when the interval has elapsed. */
  tick(): void {
    if (this.pending.length === 0) return;
    const now = this.clock();
    if (now >= this.nextCommit) {
      this.flush();
      this.nextCommit = now + this.commitIntervalMs;
    }
  }

  flush(): void {
    if (this.pending.length === 0) return;
    // Two arrays take turns (no new array of budget size per commit); a put during the
    // forwarding lands in the other one.
    const items = this.pending;
    this.pending = this.spare;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as T;
      item.cached = false;
      this.forward(item);
    }
    items.length = 0;
    this.spare = items;
  }

  get size(): number {
    return this.pending.length;
  }
}
