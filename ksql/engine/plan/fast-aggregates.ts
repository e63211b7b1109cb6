import type { ResolvedAggregate } from '../functions/function-types.ts';
import type { SqlType } from '../types/sql-type.ts';

/**
 * Hot-path adapters for the two aggregates every fraud query uses. BIGINT values are `bigint`
 * (types/sql-type.ts), and bigint arithmetic allocates on every update; these keep the
 * accumulator a JS number while it is exactly representable (|v| <= 2^53 - 1) and fall back to
 * 64-bit wrapping bigint arithmetic beyond, so results equal the registry's COUNT and
 * SUM(BIGINT) (count.json, sum.json). `map` turns the accumulator back into a `bigint`.
 */
export function fastAggregate(
  name: string,
  argTypes: readonly SqlType[],
  resolved: ResolvedAggregate,
): ResolvedAggregate {
  if (name === 'COUNT') return fastCount(resolved);
  if (name === 'SUM' && argTypes.length === 1 && argTypes[0]?.kind === 'BIGINT') return fastLongSum(resolved);
  return resolved;
}

type Acc = number | bigint;

function add(acc: Acc, v: bigint, sign: 1 | -1): Acc {
  if (typeof acc === 'number') {
    // Number(v) is exact iff it is a safe integer (beyond, it rounds to 2^53 or more).
    const n = Number(v);
    const r = acc + sign * n;
    if (Number.isSafeInteger(n) && Number.isSafeInteger(r)) return r;
  }
  const b = typeof acc === 'number' ? BigInt(acc) : acc;
  return BigInt.asIntN(64, sign === 1 ? b + v : b - v);
}

const toBigint = (acc: unknown): bigint => (typeof acc === 'number' ? BigInt(acc) : (acc as bigint));

function fastCount(r: ResolvedAggregate): ResolvedAggregate {
  return {
    returnType: r.returnType,
    aggregateType: r.aggregateType,
    initialize: () => 0,
    aggregate: (args, acc) => (args.length > 0 && args[0] === null ? acc : (acc as number) + 1),
    undo: (args, acc) => (args.length > 0 && args[0] === null ? acc : (acc as number) - 1),
    merge: (a, b) => (a as number) + (b as number),
    map: toBigint,
  };
}

function fastLongSum(r: ResolvedAggregate): ResolvedAggregate {
  return {
    returnType: r.returnType,
    aggregateType: r.aggregateType,
    initialize: () => 0,
    aggregate: (args, acc) => (args[0] === null ? acc : add(acc as Acc, args[0] as bigint, 1)),
    undo: (args, acc) => (args[0] === null ? acc : add(acc as Acc, args[0] as bigint, -1)),
    merge: (a, b) => add(a as Acc, toBigint(b), 1),
    map: toBigint,
  };
}
