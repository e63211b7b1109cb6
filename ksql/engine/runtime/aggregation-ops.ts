import type { AggregateCall } from '../plan/query-plan.ts';
import type { AggregationOps } from './aggregate-types.ts';

type Args = readonly (readonly unknown[])[];

/**
 * The accumulator of a query = one accumulator per aggregate call, in an array owned by one
 * aggregate row. Arguments are evaluated once per input row (`args`), not once per window.
 */
export function aggregationOps(calls: readonly AggregateCall[]): AggregationOps<unknown[]> {
  const n = calls.length;
  const fns = calls.map((c) => c.fn);
  const argEvals = calls.map((c) => c.args);
  return {
    init: () => fns.map((f) => f.initialize()),
    args(row) {
      const out = new Array<readonly unknown[]>(n);
      for (let i = 0; i < n; i++) {
        const a = argEvals[i] as AggregateCall['args'];
        if (a.length === 0) out[i] = EMPTY;
        else if (a.length === 1) out[i] = [(a[0] as (r: readonly unknown[]) => unknown)(row)];
        else out[i] = a.map((f) => f(row));
      }
      return out;
    },
    add(acc, args) {
      const as = args as Args;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++)
        out[i] = (fns[i] as AggregateCall['fn']).aggregate(as[i] as readonly unknown[], acc[i]);
      return out;
    },
    undo(acc, args) {
      const as = args as Args;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const f = fns[i] as AggregateCall['fn'];
        out[i] = f.undo ? f.undo(as[i] as readonly unknown[], acc[i]) : acc[i];
      }
      return out;
    },
    merge(a, b) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = (fns[i] as AggregateCall['fn']).merge(a[i], b[i]);
      return out;
    },
  };
}

const EMPTY: readonly unknown[] = [];
