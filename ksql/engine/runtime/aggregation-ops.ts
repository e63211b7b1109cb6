import type { AggregateCall } from '../plan/query-plan.ts';
import type { AggregationOps } from './aggregate-types.ts';

type Args = readonly (readonly unknown[])[];

/**
 * The accumulator of a query = one accumulator per aggregate call, in an array owned by one
 * aggregate row and updated in place (the per-function accumulators are immutable values,
 * function-types.ts). Arguments are evaluated once per input row (`args`), not once per window,
 * into argument arrays that are reused: add/undo consume them before the next row. `save`
 * flattens them into one array kept with a record; `restore` unpacks one into buffers of its own.
 */
export function aggregationOps(calls: readonly AggregateCall[]): AggregationOps<unknown[]> {
  const n = calls.length;
  const fns = calls.map((c) => c.fn);
  const argEvals = calls.map((c) => c.args);
  const argBufs: unknown[][] = calls.map((c) => new Array<unknown>(c.args.length));
  // Replays (a cold window's accumulator, computed when the record cache outputs it) may run
  // while a record's arguments are in use: they get buffers of their own.
  const restoreBufs: unknown[][] = calls.map((c) => new Array<unknown>(c.args.length));
  return {
    init() {
      const acc = new Array<unknown>(n);
      for (let i = 0; i < n; i++) acc[i] = (fns[i] as AggregateCall['fn']).initialize();
      return acc;
    },
    args(row) {
      for (let i = 0; i < n; i++) {
        const a = argEvals[i] as AggregateCall['args'];
        const buf = argBufs[i] as unknown[];
        for (let j = 0; j < a.length; j++) buf[j] = (a[j] as (r: readonly unknown[]) => unknown)(row);
      }
      return argBufs;
    },
    save(args) {
      const as = args as Args;
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) for (const v of as[i] as readonly unknown[]) out.push(v);
      return out;
    },
    restore(saved) {
      const flat = saved as readonly unknown[];
      let k = 0;
      for (let i = 0; i < n; i++) {
        const buf = restoreBufs[i] as unknown[];
        for (let j = 0; j < buf.length; j++) buf[j] = flat[k++];
      }
      return restoreBufs;
    },
    add(acc, args) {
      const as = args as Args;
      for (let i = 0; i < n; i++)
        acc[i] = (fns[i] as AggregateCall['fn']).aggregate(as[i] as readonly unknown[], acc[i]);
      return acc;
    },
    addSome(acc, args, which) {
      const as = args as Args;
      for (let k = 0; k < which.length; k++) {
        const i = which[k] as number;
        acc[i] = (fns[i] as AggregateCall['fn']).aggregate(as[i] as readonly unknown[], acc[i]);
      }
      return acc;
    },
    undo(acc, args) {
      const as = args as Args;
      for (let i = 0; i < n; i++) {
        const f = fns[i] as AggregateCall['fn'];
        if (f.undo) acc[i] = f.undo(as[i] as readonly unknown[], acc[i]);
      }
      return acc;
    },
    merge(a, b) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = (fns[i] as AggregateCall['fn']).merge(a[i], b[i]);
      return out;
    },
  };
}
