import type { SqlType } from '../types/sql-type.ts';

/**
 * A source's columns, split as ksqlDB splits them: key columns (in the Kafka record key) and
 * value columns (in the record value). Pseudo columns (ROWTIME, ROWPARTITION, ROWOFFSET,
 * WINDOWSTART, WINDOWEND) are not listed here; the planner adds them to a query's scope.
 *
 * ksqlDB prints a schema as `` `ID` BIGINT KEY, `NAME` STRING `` (QTT `post.sources[].schema`).
 */
export interface Column {
  readonly name: string;
  readonly type: SqlType;
  readonly namespace: 'KEY' | 'VALUE' | 'HEADERS';
  /** For HEADER('k') columns: the header key; undefined for HEADERS (all headers). */
  readonly headerKey?: string;
}

export interface LogicalSchema {
  readonly key: readonly Column[];
  readonly value: readonly Column[];
}

/** A row as the runtime passes it: key column values and value column values, by position. */
export interface Row {
  readonly key: unknown[];
  /** `null` for a tombstone (table delete / null stream value). */
  readonly value: unknown[] | null;
}
