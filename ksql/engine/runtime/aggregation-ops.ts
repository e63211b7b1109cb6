import type { AggregateCall } from '../plan/query-plan.ts';
import type { AggregationOps } from './aggregate-types.ts';

/** The accumulator of a query = one accumulator per aggregate call; each step returns a new array. */
export function aggregationOps(calls: readonly AggregateCall[]): AggregationOps<unknown[]> {
  const n = calls.length;
  const args = (c: AggregateCall, row: readonly unknown[]): unknown[] => {
    const a = c.args;
    if (a.length === 0) return EMPTY;
    if (a.length === 1) return [(a[0] as (r: readonly unknown[]) => unknown)(row)];
    return a.map((f) => f(row));
  };
  return {
    init: () => calls.map((c) => c.fn.initialize()),
    add(acc, row) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const c = calls[i] as AggregateCall;
        out[i] = c.fn.aggregate(args(c, row), acc[i]);
      }
      return out;
    },
    undo(acc, row) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const c = calls[i] as AggregateCall;
        out[i] = c.fn.undo ? c.fn.undo(args(c, row), acc[i]) : acc[i];
      }
      return out;
    },
    merge(a, b) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = (calls[i] as AggregateCall).fn.merge(a[i], b[i]);
      return out;
    },
  };
}

const EMPTY: unknown[] = [];
