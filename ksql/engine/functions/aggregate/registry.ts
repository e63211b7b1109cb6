import type { AggregateFunction } from '../function-types.ts';
import { avg } from './avg.ts';
import { collectList } from './collect-list.ts';
import { collectSet } from './collect-set.ts';
import { count } from './count.ts';
import { countDistinct } from './count-distinct.ts';
import { earliestByOffset } from './earliest-by-offset.ts';
import { latestByOffset } from './latest-by-offset.ts';
import { max } from './max.ts';
import { min } from './min.ts';
import { sum } from './sum.ts';
import { sumList } from './sum-list.ts';
import { histogram } from './histogram.ts';
import { topk } from './topk.ts';
import { topkDistinct } from './topk-distinct.ts';

/**
 * The aggregate functions (UDAFs), looked up case-insensitively.
 *
 * How the planner calls them:
 * - Column arguments vs. literal (initialisation) arguments: `literalArgCount(name, n)` says
 *   how many of the n written arguments are trailing literals passed to `resolve` as
 *   `literalArgs` (the K of TOPK, the n / ignoreNulls of *_BY_OFFSET). The others are
 *   evaluated per row and passed to `aggregate` in order. COUNT(*) and COUNT() get no column
 *   argument; COUNT(1) and SUM(2) get the literal as a (constant) column argument.
 * - *_BY_OFFSET need no record offset from the runtime: like ksqlDB they stamp values with a
 *   process-wide sequence in arrival order (functions/aggregate/by-offset.ts).
 * - `undo` is present only where ksqlDB supports aggregating a TABLE (COUNT, SUM, SUM_LIST,
 *   AVG, HISTOGRAM, COLLECT_LIST, COLLECT_SET); the planner rejects the others on tables.
 * - Accumulators are never mutated: each call returns a new value (or the old one unchanged).
 */
const FUNCTIONS: readonly AggregateFunction[] = [
  count,
  sum,
  sumList,
  avg,
  min,
  max,
  countDistinct,
  latestByOffset,
  earliestByOffset,
  topk,
  topkDistinct,
  histogram,
  collectList,
  collectSet,
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** Trailing literal arguments per function (see above). */
const LITERAL_ARGS: Readonly<Record<string, (argCount: number) => number>> = {
  LATEST_BY_OFFSET: (n) => Math.max(0, n - 1),
  EARLIEST_BY_OFFSET: (n) => Math.max(0, n - 1),
  TOPK: () => 1,
  TOPKDISTINCT: () => 1,
};

export function getAggregateFunction(name: string): AggregateFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export function isAggregateFunction(name: string): boolean {
  return BY_NAME.has(name.toUpperCase());
}

export function literalArgCount(name: string, argCount: number): number {
  return LITERAL_ARGS[name.toUpperCase()]?.(argCount) ?? 0;
}

export function aggregateFunctionNames(): readonly string[] {
  return FUNCTIONS.map((f) => f.name);
}
