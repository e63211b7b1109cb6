import type { GeneratedEvent, TruthEvent } from './events.ts';
import { Prng } from './prng.ts';
import type { Scenario, ScenarioContext } from './scenario.ts';
import { BaselineScenario } from './scenarios/baseline.ts';
import { DistributedBotsScenario } from './scenarios/distributed-bots.ts';
import { HighValueScenario } from './scenarios/high-value.ts';
import { LateEventsScenario } from './scenarios/late-events.ts';
import { MacroBotScenario } from './scenarios/macro-bot.ts';
import { MalformedScenario } from './scenarios/malformed.ts';
import { SlowDripScenario } from './scenarios/slow-drip.ts';
import type { ScenarioName } from './truth.ts';

export interface SourceOptions {
  /** Scenarios to combine; each draws from its own stream forked from the seed. */
  readonly scenarios: readonly ScenarioName[];
  /** Normal shopper orders per second (the baseline scenario's rate). */
  readonly rate: number;
  readonly seed: string;
  /** Model time of the first slot, epoch ms. */
  readonly startMs: number;
  /** Stop before model time startMs + durationMs. */
  readonly durationMs?: number | undefined;
  /** Stop after this many records for the orders topic (orders and poison records; not truth). */
  readonly count?: number | undefined;
}

const FACTORIES: Record<ScenarioName, (ctx: ScenarioContext) => Scenario> = {
  baseline: (ctx) => new BaselineScenario(ctx),
  'macro-bot': (ctx) => new MacroBotScenario(ctx),
  'distributed-bots': (ctx) => new DistributedBotsScenario(ctx),
  'slow-drip': (ctx) => new SlowDripScenario(ctx),
  'high-value': (ctx) => new HighValueScenario(ctx),
  'late-events': (ctx) => new LateEventsScenario(ctx),
  malformed: (ctx) => new MalformedScenario(ctx),
};

/**
 * The generator as a library: a pull source of events in emission order (by model time `at`),
 * independent of any transport or clock. Same options + seed = the same events, byte for byte.
 * Truth for episodes cut short by the limits comes last, marked complete: false.
 */
export class OrderSource implements Iterable<GeneratedEvent> {
  private readonly scenarios: Scenario[];
  private readonly endMs: number;
  private readonly maxRecords: number;
  private records = 0;
  private tail: TruthEvent[] | undefined;

  constructor(readonly options: SourceOptions) {
    const root = new Prng(options.seed);
    const unique = [...new Set(options.scenarios)];
    this.scenarios = unique.map((name) =>
      FACTORIES[name]({ prng: root.fork(name), startMs: options.startMs, rate: options.rate }),
    );
    this.endMs = options.durationMs === undefined ? Infinity : options.startMs + options.durationMs;
    this.maxRecords = options.count ?? Infinity;
  }

  /** Records (orders + poison records) handed out so far. */
  get recordCount(): number {
    return this.records;
  }

  /** Model time of the next event; Infinity once the source is exhausted. */
  peekAt(): number {
    if (this.tail) return this.tail.length > 0 ? (this.tail[0] as TruthEvent).at : Infinity;
    if (this.due === undefined) {
      const s = this.earliest();
      const at = s ? s.peekAt() : Infinity;
      if (!s || !this.withinLimits(at)) {
        this.stop();
        return this.peekAt();
      }
      this.due = s;
      this.dueAt = at;
    }
    return this.dueAt;
  }

  /** The next event, or undefined once exhausted. */
  next(): GeneratedEvent | undefined {
    if (this.peekAt() === Infinity) return undefined;
    if (this.tail) return this.tail.shift();
    const event = (this.due as Scenario).next();
    this.due = undefined;
    if (event.kind !== 'truth') this.records++;
    return event;
  }

  /** Moves events due at or before `untilAt` into `out`, at most `maxRecords` orders/poison records. */
  take(untilAt: number, maxRecords: number, out: GeneratedEvent[]): number {
    let n = 0;
    while (n < maxRecords) {
      const at = this.peekAt();
      if (at === Infinity || at > untilAt) break;
      const e = this.next() as GeneratedEvent;
      out.push(e);
      if (e.kind !== 'truth') n++;
    }
    return n;
  }

  /** Ends the run now (e.g. on Ctrl-C): open episodes yield their truth (complete: false). */
  stop(atMs: number = Math.min(this.endMs, this.lastAt)): void {
    if (this.tail) return;
    this.due = undefined;
    this.tail = this.scenarios
      .flatMap((s) => s.close(atMs))
      .map((truth) => ({ kind: 'truth' as const, at: Math.max(truth.end_ts, atMs), truth }));
  }

  get exhausted(): boolean {
    return this.peekAt() === Infinity;
  }

  *[Symbol.iterator](): Iterator<GeneratedEvent> {
    for (let e = this.next(); e !== undefined; e = this.next()) yield e;
  }

  private lastAt = -Infinity;
  /** The scenario whose event is next (cached between peekAt and next), and its time. */
  private due: Scenario | undefined;
  private dueAt = Infinity;

  private earliest(): Scenario | undefined {
    let best: Scenario | undefined;
    let bestAt = Infinity;
    for (const s of this.scenarios) {
      const at = s.peekAt();
      if (at < bestAt) {
        best = s;
        bestAt = at;
      }
    }
    if (best) this.lastAt = Math.max(this.lastAt, bestAt);
    return best;
  }

  private withinLimits(at: number): boolean {
    return at < this.endMs && this.records < this.maxRecords && at !== Infinity;
  }
}
