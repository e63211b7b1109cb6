import * as hdr from 'hdr-histogram-js';
import type { Clock } from './clock.ts';

/**
 * Counters and produce latency of a run. Latency is from the moment a record is handed to the
 * sink to the broker's acknowledgement of the send that carried it (acks=all), in ms.
 */
export class RunStats {
  /** Records handed to the sink (orders + poison records). */
  generated = 0;
  /** Records acknowledged by the broker (or written / encoded in file and dry-run modes). */
  acked = 0;
  /** Truth records handed to the sink / truth file. */
  truthRecords = 0;
  errors = 0;
  bytes = 0;
  /** Largest pacing lag (how late a batch left after its oldest record was due) since the last progress line, ms. */
  private maxLagMs = 0;
  private readonly latency = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000,
    numberOfSignificantValueDigits: 3,
  });
  private startedAt: number;
  private lastTickAt: number;
  private lastTickAcked = 0;

  constructor(
    private readonly clock: Clock,
    readonly targetRate: number,
  ) {
    this.startedAt = clock.now();
    this.lastTickAt = this.startedAt;
  }

  /** Notes how late a batch was released relative to its oldest record's due time. */
  noteLag(ms: number): void {
    if (ms > this.maxLagMs) this.maxLagMs = ms;
  }

  /** Restarts the clock of the rates (after connecting, so set-up time does not count). */
  markStart(): void {
    this.startedAt = this.clock.now();
    this.lastTickAt = this.startedAt;
  }

  /** `count` records acknowledged `latencyMs` after they were handed over. */
  recordAck(count: number, latencyMs: number, bytes: number): void {
    this.acked += count;
    this.bytes += bytes;
    this.latency.recordValueWithCount(Math.max(1, Math.round(latencyMs)), count);
  }

  /** Records acknowledged without a network round trip (file, dry run): no latency sample. */
  recordLocal(count: number, bytes: number): void {
    this.acked += count;
    this.bytes += bytes;
  }

  elapsedS(): number {
    return (this.clock.now() - this.startedAt) / 1000;
  }

  achievedRate(): number {
    const s = this.elapsedS();
    return s > 0 ? this.acked / s : 0;
  }

  percentileMs(p: number): number {
    return this.latency.totalCount === 0 ? 0 : this.latency.getValueAtPercentile(p);
  }

  /** One progress line (stderr, each second): rates over the last interval and totals. */
  progressLine(): string {
    const now = this.clock.now();
    const dt = (now - this.lastTickAt) / 1000;
    const rate = dt > 0 ? (this.acked - this.lastTickAcked) / dt : 0;
    this.lastTickAt = now;
    this.lastTickAcked = this.acked;
    const lag = this.maxLagMs;
    this.maxLagMs = 0;
    return (
      `[${this.elapsedS().toFixed(0)} s] target ${fmt(this.targetRate)}/s, acked ${fmt(rate)}/s, ` +
      `p50 ${this.percentileMs(50)} ms, p99 ${this.percentileMs(99)} ms, errors ${this.errors}, ` +
      `total generated ${this.generated}, acked ${this.acked}, truth ${this.truthRecords}, max pacing lag ${lag.toFixed(0)} ms`
    );
  }

  /** The final line, printed on stdout, in exactly this form. */
  finalLine(): string {
    return (
      `generated: ${this.acked} orders in ${this.elapsedS().toFixed(1)} s, achieved ${this.achievedRate().toFixed(0)} orders/s ` +
      `(target ${this.targetRate}), p99 produce latency ${this.percentileMs(99)} ms, errors ${this.errors}`
    );
  }
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
