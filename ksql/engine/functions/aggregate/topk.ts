import { array, struct, type SqlType } from '../../types/sql-type.ts';
import { Struct } from '../../types/struct.ts';
import type { AggregateFunction, ResolvedAggregate } from '../function-types.ts';
import { comparatorFor } from './compare-values.ts';
import { noOverload } from './resolve-error.ts';

/**
 * TOPK(col, K) → ARRAY<T>: the K largest non-null values, descending, duplicates kept.
 * TOPK(col, other1, ..., K) → ARRAY<STRUCT<`sort_col` T, `col0` T1, ...>>: rows ordered by
 * `col`, carrying the other columns; ties keep arrival order (topk-group-by.json
 * "topk integer struct"). Stream-only (no undo).
 */
export const topk: AggregateFunction = {
  name: 'TOPK',
  resolve(argTypes, literalArgs) {
    const sortType = argTypes[0];
    const k = toK(literalArgs[0]);
    const cmp = sortType ? comparatorFor(sortType) : undefined;
    if (!sortType || !cmp || k === undefined || literalArgs.length !== 1) return noOverload('TOPK', argTypes);
    if (argTypes.length === 1) return plain(sortType, k, cmp);
    return withColumns(sortType, argTypes.slice(1), k, cmp);
  },
};

export function toK(v: unknown): number | undefined {
  const n = typeof v === 'bigint' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Inserts `v` into the descending list after equal elements, keeping at most k. */
function insertDesc<T>(list: readonly T[], v: T, k: number, cmp: (a: T, b: T) => number): readonly T[] {
  let i = 0;
  while (i < list.length && cmp(list[i]!, v) >= 0) i++;
  if (i >= k) return list;
  const out = [...list.slice(0, i), v, ...list.slice(i)];
  return out.length > k ? out.slice(0, k) : out;
}

function mergeDesc<T>(
  a: readonly T[],
  b: readonly T[],
  k: number,
  cmp: (x: T, y: T) => number,
): readonly T[] {
  let out = a;
  for (const v of b) out = insertDesc(out, v, k, cmp);
  return out;
}

function plain(t: SqlType, k: number, cmp: (a: unknown, b: unknown) => number): ResolvedAggregate {
  return {
    returnType: array(t),
    aggregateType: array(t),
    initialize: () => [],
    aggregate: (args, acc) => {
      const v = args[0] ?? null;
      return v === null ? acc : insertDesc(acc as readonly unknown[], v, k, cmp);
    },
    merge: (a, b) => mergeDesc(a as readonly unknown[], b as readonly unknown[], k, cmp),
    map: (acc) => [...(acc as readonly unknown[])],
  };
}

function withColumns(
  sortType: SqlType,
  others: readonly SqlType[],
  k: number,
  cmp: (a: unknown, b: unknown) => number,
): ResolvedAggregate {
  const names = ['sort_col', ...others.map((_, i) => `col${i}`)];
  const entry = struct(names.map((name, i) => ({ name, type: i === 0 ? sortType : others[i - 1]! })));
  const byValue = (a: Struct, b: Struct): number => cmp(a.values[0], b.values[0]);
  return {
    returnType: array(entry),
    aggregateType: array(entry),
    initialize: () => [],
    aggregate: (args, acc) => {
      if ((args[0] ?? null) === null) return acc;
      const row = new Struct(
        names,
        names.map((_, i) => args[i] ?? null),
      );
      return insertDesc(acc as readonly Struct[], row, k, byValue);
    },
    merge: (a, b) => mergeDesc(a as readonly Struct[], b as readonly Struct[], k, byValue),
    map: (acc) => [...(acc as readonly Struct[])],
  };
}
