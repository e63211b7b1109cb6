import { MinHeap } from './heap.ts';
import { type Prng, WeightedPicker } from './prng.ts';

/**
 * The normal shopper model, on numbers only (who places each order, and when); the baseline
 * scenario turns its decisions into orders. Orders come in slots exactly `1000 / rate` ms apart
 * (so the rate is exact); each slot goes to the shopping session that is due, or to a new
 * session if none is due. Hence the shopper population is whatever the rate needs: it grows
 * with the rate by itself, with no parameter to tune.
 *
 * Why a normal IP never reaches 10 orders in a 60 s span, at any rate (README, "Traffic model"):
 * - a session places at most SESSION.maxOrders (6) orders;
 * - an IP belongs to one session at a time, and is reused only IP_COOLDOWN_MS (60 s) after
 *   that session's last order, so two sessions on one IP never share a 60 s span;
 * so any 60 s span holds at most 6 orders of one IP. Nothing here depends on the rate.
 */
export const SESSION = {
  /** P(a session places i + 1 orders). Mean 2.12. */
  ordersDistribution: [0.45, 0.25, 0.14, 0.08, 0.05, 0.03],
  maxOrders: 6,
  /** Gap between a session's orders: minGapMs + exponential(meanExtraGapMs), capped. */
  minGapMs: 10_000,
  meanExtraGapMs: 20_000,
  maxGapMs: 120_000,
} as const;

/** An IP is reused no sooner than this after its previous session's last order. */
export const IP_COOLDOWN_MS = 60_000;

export interface ShopperSession<T> {
  readonly ipIndex: number;
  /** Orders still to place, including the current one. */
  left: number;
  /** Whatever the caller attaches (the baseline scenario: the buyer). */
  data: T;
}

const sessionLength = new WeightedPicker(
  SESSION.ordersDistribution.map((weight, i) => ({ item: i + 1, weight })),
);

export class ShopperModel<T> {
  private readonly due = new MinHeap<ShopperSession<T>>();
  /** IPs waiting out their cooldown: parallel FIFO arrays, release times non-decreasing. */
  private coolIps: number[] = [];
  private coolUntil: number[] = [];
  private coolHead = 0;
  private nextIpIndex: number;
  readonly firstIpIndex: number;
  sessionsStarted = 0;
  private slotNo = 0;
  private readonly intervalMs: number;

  /**
   * @param newSessionData builds the caller's data for a new session (drawn from `prng` too)
   */
  constructor(
    private readonly prng: Prng,
    private readonly startMs: number,
    rate: number,
    private readonly newSessionData: (ipIndex: number) => T,
  ) {
    this.intervalMs = rate > 0 ? 1000 / rate : Infinity;
    // Start the address sequence at a seed-dependent place, so two seeds use different addresses.
    this.nextIpIndex = prng.int(1 << 27);
    this.firstIpIndex = this.nextIpIndex;
  }

  /** Model time of the next slot. */
  peekAt(): number {
    return this.intervalMs === Infinity ? Infinity : this.startMs + Math.floor(this.slotNo * this.intervalMs);
  }

  /** Assigns the next slot to a session; returns it with `left` already counting this order. */
  next(): { at: number; session: ShopperSession<T> } {
    const at = this.peekAt();
    this.slotNo++;
    const session = this.due.peekKey() <= at ? (this.due.pop() as ShopperSession<T>) : this.startSession(at);
    session.left--;
    if (session.left > 0) {
      const gap = Math.min(
        SESSION.maxGapMs,
        SESSION.minGapMs + this.prng.exponential(SESSION.meanExtraGapMs),
      );
      this.due.push(at + Math.round(gap), session);
    } else {
      this.coolIps.push(session.ipIndex);
      this.coolUntil.push(at + IP_COOLDOWN_MS);
    }
    return { at, session };
  }

  /** Sessions in progress, addresses cooling down, addresses ever used. */
  get population(): { activeSessions: number; coolingIps: number; ipsUsed: number } {
    return {
      activeSessions: this.due.size,
      coolingIps: this.coolIps.length - this.coolHead,
      ipsUsed: this.nextIpIndex - this.firstIpIndex,
    };
  }

  private startSession(at: number): ShopperSession<T> {
    this.sessionsStarted++;
    let ipIndex: number;
    if (this.coolHead < this.coolIps.length && (this.coolUntil[this.coolHead] as number) <= at) {
      ipIndex = this.coolIps[this.coolHead] as number;
      this.coolHead++;
      if (this.coolHead > 65_536 && this.coolHead * 2 > this.coolIps.length) {
        this.coolIps = this.coolIps.slice(this.coolHead);
        this.coolUntil = this.coolUntil.slice(this.coolHead);
        this.coolHead = 0;
      }
    } else {
      ipIndex = this.nextIpIndex++ & 0x0fffffff;
    }
    return { ipIndex, left: sessionLength.pick(this.prng), data: this.newSessionData(ipIndex) };
  }
}
