import type { SourceInfo } from '../api.ts';
import type { ResolvedAggregate } from '../functions/function-types.ts';
import type { WindowSpec } from '../runtime/window-spec.ts';
import type { SourceLayout } from './source-scope.ts';

/** A compiled expression over a row array. */
export type Evaluator = (row: readonly unknown[]) => unknown;

/** How the source stage extracts the record timestamp (reference e.10). */
export type TimestampPlan =
  | { readonly kind: 'record' }
  | { readonly kind: 'column'; readonly index: number; readonly parse: (v: unknown) => number | null };

/** Stream → stream / table → table without aggregation: filter and project. */
export interface ProjectionPlan {
  readonly kind: 'projection';
  /** Output key values, evaluated over the source row. */
  readonly key: readonly Evaluator[];
  /** Output value values, evaluated over the source row. */
  readonly value: readonly Evaluator[];
  /** PARTITION BY changes the key (and therefore the partition). */
  readonly repartition: boolean;
}

export interface AggregateCall {
  readonly fn: ResolvedAggregate;
  /** Column arguments, over the source row. */
  readonly args: readonly Evaluator[];
}

/**
 * GROUP BY aggregation. The "aggregate row" the HAVING and SELECT evaluators read is
 * `[...groupKey, ...aggregateResults, windowStart, windowEnd]` (bounds as numbers).
 */
export interface AggregatePlan {
  readonly kind: 'aggregate';
  readonly groupBy: readonly Evaluator[];
  readonly calls: readonly AggregateCall[];
  readonly window?: WindowSpec;
  readonly emitFinal: boolean;
  readonly having?: Evaluator;
  /** The aggregate calls HAVING reads: the others are mapped only for rows that pass it. */
  readonly havingCalls?: readonly number[];
  /** Output value columns over the aggregate row (key = the group key, in GROUP BY order). */
  readonly value: readonly Evaluator[];
  /** GROUP BY on a TABLE: changes undo the old row (reference e.3). */
  readonly tableSource: boolean;
}

/** One input of a join: its source, row layout, timestamp and join-key expression. */
export interface JoinSide {
  readonly source: SourceInfo;
  readonly layout: SourceLayout;
  readonly timestamp: TimestampPlan;
  readonly joinKey: Evaluator;
  /** For each key then value column of the side: its index in the result's value columns, -1 = the result key. */
  readonly mapping: readonly number[];
}

export interface JoinPlan {
  readonly kind: 'STREAM_STREAM' | 'STREAM_TABLE' | 'TABLE_TABLE';
  readonly type: 'INNER' | 'LEFT' | 'FULL';
  readonly left: JoinSide;
  readonly right: JoinSide;
  /** Stream-stream: right records within [t - before, t + after] of a left record at t. */
  readonly within?: { readonly before: number; readonly after: number; readonly grace: number };
  /** Both sides are windowed: rows join on key and window, and the result keeps the window. */
  readonly windowed?: boolean;
}

export interface QueryPlan {
  /** Set when the FROM is a join: `source`/`layout` then describe the join result. */
  readonly join?: JoinPlan;
  readonly queryId: string;
  readonly statement: string;
  readonly source: SourceInfo;
  readonly layout: SourceLayout;
  readonly timestamp: TimestampPlan;
  readonly where?: Evaluator;
  readonly body: ProjectionPlan | AggregatePlan;
  readonly sink: SourceInfo;
  /** C*AS `WITH (TIMESTAMP='col')`: output record timestamp from this sink column. */
  readonly sinkTimestamp?: {
    readonly namespace: 'KEY' | 'VALUE';
    readonly index: number;
    readonly parse: (v: unknown) => number | null;
  };
  /** ksql.timestamp.throw.on.invalid */
  readonly throwOnInvalidTimestamp: boolean;
}
