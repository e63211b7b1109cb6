import type { GeneratedEvent, OrderEvent, RawEvent } from '../events.ts';
import type { Scenario, ScenarioContext } from '../scenario.ts';
import type { ScenarioName, TruthRecord } from '../truth.ts';

/** One planned episode: its records in time order and how to describe them as truth. */
export interface Episode {
  readonly records: readonly (OrderEvent | RawEvent)[];
  /** Truth for the records actually emitted (all of them when `complete`). */
  truth(emitted: readonly (OrderEvent | RawEvent)[], complete: boolean): TruthRecord[];
}

export interface EpisodeSchedule {
  /** First episode starts this long after the run's start. */
  readonly firstOffsetMs: number;
  /** Episodes start this far apart (or right after the previous one ends, if later). */
  readonly periodMs: number;
}

/**
 * A scenario made of episodes (a bot burst, a fraud spree, one late record...). Episodes of one
 * scenario never overlap; truth for an episode is emitted right after its last record.
 */
export abstract class EpisodicScenario implements Scenario {
  abstract readonly name: ScenarioName;
  private episode: Episode | undefined;
  private cursor = 0;
  private pendingTruth: TruthRecord[] = [];
  private pendingTruthAt = 0;
  private episodeNo = 0;
  private nextStart: number;
  private closed = false;

  protected constructor(
    protected readonly ctx: ScenarioContext,
    private readonly schedule: EpisodeSchedule,
  ) {
    this.nextStart = ctx.startMs + schedule.firstOffsetMs;
  }

  /** Plans episode number `index` starting at model time `startAt`. */
  protected abstract plan(index: number, startAt: number): Episode;

  peekAt(): number {
    if (this.closed) return Infinity;
    if (this.pendingTruth.length > 0) return this.pendingTruthAt;
    this.ensureEpisode();
    const rec = this.episode?.records[this.cursor];
    return rec ? rec.at : Infinity;
  }

  next(): GeneratedEvent {
    if (this.pendingTruth.length > 0) {
      const truth = this.pendingTruth.shift() as TruthRecord;
      return { kind: 'truth', at: this.pendingTruthAt, truth };
    }
    this.ensureEpisode();
    const episode = this.episode;
    const rec = episode?.records[this.cursor];
    if (!episode || !rec) throw new RangeError(`${this.name}: next() past the end`);
    this.cursor++;
    if (this.cursor === episode.records.length) {
      this.pendingTruth = episode.truth(episode.records, true);
      this.pendingTruthAt = rec.at;
      this.episode = undefined;
      this.nextStart = Math.max(this.nextStart + this.schedule.periodMs, rec.at + 1);
    }
    return rec;
  }

  close(_endAt: number): TruthRecord[] {
    this.closed = true;
    const out = this.pendingTruth;
    this.pendingTruth = [];
    if (this.episode && this.cursor > 0) {
      out.push(...this.episode.truth(this.episode.records.slice(0, this.cursor), false));
    }
    this.episode = undefined;
    return out;
  }

  private ensureEpisode(): void {
    while (!this.episode) {
      const planned = this.plan(this.episodeNo++, this.nextStart);
      if (planned.records.length > 0) {
        this.episode = planned;
        this.cursor = 0;
      } else {
        this.nextStart += this.schedule.periodMs;
      }
    }
  }
}

/** Order timestamps of emitted records (orders only). */
export function orderTimes(records: readonly (OrderEvent | RawEvent)[]): number[] {
  return records.flatMap((r) => (r.kind === 'order' ? [r.order.event_ts] : []));
}

export function orderIds(records: readonly (OrderEvent | RawEvent)[]): string[] {
  return records.flatMap((r) => (r.kind === 'order' ? [r.order.order_id] : []));
}
