import type { SqlType } from '../../types/sql-type.ts';
import type { AggregateFunction, ResolvedAggregate } from '../function-types.ts';
import { parseByOffsetArgs, returnTypes, stamp, type Stamped } from './by-offset.ts';
import { noOverload } from './resolve-error.ts';

/**
 * EARLIEST_BY_OFFSET(col [, n] [, ignoreNulls=true]) (earliest-offset-udaf.json): the first
 * aggregated value (a first null counts when nulls are not ignored: "null first - single - not
 * ignoring nulls"), or an ARRAY of the first n values. Stream-only (no undo). The accumulator
 * is null until a value is taken. Session merges keep the earlier stamp, preferring a non-null
 * value when nulls are ignored.
 */
export const earliestByOffset: AggregateFunction = {
  name: 'EARLIEST_BY_OFFSET',
  resolve(argTypes, literalArgs) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return noOverload('EARLIEST_BY_OFFSET', argTypes);
    const parsed = parseByOffsetArgs('EARLIEST_BY_OFFSET', literalArgs);
    if ('error' in parsed) return parsed;
    const { n, ignoreNulls } = parsed;
    return n === undefined ? single(t, ignoreNulls) : earliestN(t, n, ignoreNulls);
  },
};

function single(t: SqlType, ignoreNulls: boolean): ResolvedAggregate {
  const better = (a: Stamped | null, b: Stamped | null): Stamped | null => {
    if (a === null) return b;
    if (b === null) return a;
    if (ignoreNulls && (a.val === null) !== (b.val === null)) return a.val === null ? b : a;
    return a.seq <= b.seq ? a : b;
  };
  return {
    ...returnTypes(t, undefined),
    initialize: () => null,
    aggregate: (args, acc) => {
      const v = args[0] ?? null;
      if (acc !== null || (v === null && ignoreNulls)) return acc;
      return stamp(v);
    },
    merge: (a, b) => better(a as Stamped | null, b as Stamped | null),
    map: (acc) => (acc === null ? null : (acc as Stamped).val),
  };
}

function earliestN(t: SqlType, n: number, ignoreNulls: boolean): ResolvedAggregate {
  return {
    ...returnTypes(t, n),
    initialize: () => [],
    aggregate: (args, acc) => {
      const list = acc as Stamped[];
      const v = args[0] ?? null;
      if (list.length >= n || (v === null && ignoreNulls)) return acc;
      return [...list, stamp(v)];
    },
    merge: (a, b) => {
      const merged = [...(a as Stamped[]), ...(b as Stamped[])].sort((x, y) => x.seq - y.seq);
      return merged.length > n ? merged.slice(0, n) : merged;
    },
    map: (acc) => (acc as Stamped[]).map((s) => s.val),
  };
}
