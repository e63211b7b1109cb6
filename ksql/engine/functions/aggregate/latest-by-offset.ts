import type { AggregateFunction, ResolvedAggregate } from '../function-types.ts';
import { compareStamped, parseByOffsetArgs, returnTypes, stamp, type Stamped } from './by-offset.ts';
import { noOverload } from './resolve-error.ts';

/**
 * LATEST_BY_OFFSET(col [, n] [, ignoreNulls=true]) (latest-offset-udaf.json): the value of the
 * most recently aggregated row, or an ARRAY of the last n values, oldest first. Any column type.
 * Stream-only (no undo). Session merges keep the later stamp (a null value loses when nulls
 * are ignored): "merging session windows - ...".
 */
export const latestByOffset: AggregateFunction = {
  name: 'LATEST_BY_OFFSET',
  resolve(argTypes, literalArgs) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return noOverload('LATEST_BY_OFFSET', argTypes);
    const parsed = parseByOffsetArgs('LATEST_BY_OFFSET', literalArgs);
    if ('error' in parsed) return parsed;
    const { n, ignoreNulls } = parsed;
    return n === undefined ? single(t, ignoreNulls) : latestN(t, n, ignoreNulls);
  },
};

function single(t: Parameters<typeof returnTypes>[0], ignoreNulls: boolean): ResolvedAggregate {
  return {
    ...returnTypes(t, undefined),
    initialize: () => stamp(null),
    aggregate: (args, acc) => {
      const v = args[0] ?? null;
      return v === null && ignoreNulls ? acc : stamp(v);
    },
    merge: (a, b) => (compareStamped(a as Stamped, b as Stamped, ignoreNulls) >= 0 ? a : b),
    map: (acc) => (acc as Stamped).val,
  };
}

function latestN(t: Parameters<typeof returnTypes>[0], n: number, ignoreNulls: boolean): ResolvedAggregate {
  return {
    ...returnTypes(t, n),
    initialize: () => [],
    aggregate: (args, acc) => {
      const v = args[0] ?? null;
      if (v === null && ignoreNulls) return acc;
      const list = [...(acc as Stamped[]), stamp(v)];
      return list.length > n ? list.slice(list.length - n) : list;
    },
    merge: (a, b) => {
      const merged = [...(a as Stamped[]), ...(b as Stamped[])].sort((x, y) =>
        compareStamped(x, y, ignoreNulls),
      );
      return merged.length > n ? merged.slice(merged.length - n) : merged;
    },
    map: (acc) => (acc as Stamped[]).map((s) => s.val),
  };
}
