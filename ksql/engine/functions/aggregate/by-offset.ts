import { array, BIGINT, struct, type SqlType } from '../../types/sql-type.ts';

/**
 * Shared parts of LATEST_BY_OFFSET / EARLIEST_BY_OFFSET. As in ksqlDB (KudafByOffsetUtils),
 * "offset" order is the order in which the aggregate saw the values: every value is stamped
 * with a process-wide increasing sequence number (ksqlDB's static AtomicLong), and session
 * merges compare those stamps. The runtime therefore passes nothing extra: just the column.
 */
export interface Stamped {
  readonly seq: number;
  readonly val: unknown;
}

let sequence = 0;

export function stamp(val: unknown): Stamped {
  return { seq: sequence++, val };
}

/** Intermediate type ksqlDB declares: STRUCT<SEQ BIGINT, VAL T> (ARRAY of it for N). */
export function stampedType(t: SqlType): SqlType {
  return struct([
    { name: 'SEQ', type: BIGINT },
    { name: 'VAL', type: t },
  ]);
}

export interface ByOffsetArgs {
  readonly n: number | undefined;
  readonly ignoreNulls: boolean;
}

/**
 * Trailing literal arguments: `(col)`, `(col, ignoreNulls)`, `(col, n)`, `(col, n, ignoreNulls)`.
 * Returns an error message for anything else.
 */
export function parseByOffsetArgs(
  name: string,
  literalArgs: readonly unknown[],
): ByOffsetArgs | { error: string } {
  const [a, b] = literalArgs;
  if (literalArgs.length === 0) return { n: undefined, ignoreNulls: true };
  if (literalArgs.length === 1 && typeof a === 'boolean') return { n: undefined, ignoreNulls: a };
  const n = typeof a === 'bigint' ? Number(a) : a;
  if (typeof n === 'number' && Number.isInteger(n) && (literalArgs.length === 1 || typeof b === 'boolean')) {
    // ksqlDB's LatestByOffset and EarliestByOffset both say "earliestN" here.
    if (n <= 0) return { error: 'earliestN must be 1 or greater' };
    return { n, ignoreNulls: literalArgs.length === 1 ? true : (b as boolean) };
  }
  return {
    error: `Function '${name}' does not accept parameters (${literalArgs.map((x) => typeof x).join(', ')}).`,
  };
}

export function returnTypes(
  t: SqlType,
  n: number | undefined,
): { returnType: SqlType; aggregateType: SqlType } {
  return n === undefined
    ? { returnType: t, aggregateType: stampedType(t) }
    : { returnType: array(t), aggregateType: array(stampedType(t)) };
}

/** Orders stamps by sequence; with ignoreNulls a null value sorts before any non-null value. */
export function compareStamped(a: Stamped, b: Stamped, ignoreNulls: boolean): number {
  if (ignoreNulls) {
    if (a.val === null && b.val === null) return 0;
    if (a.val === null) return -1;
    if (b.val === null) return 1;
  }
  return a.seq - b.seq;
}
