import type { SourceInfo } from '../api.ts';
import { KsqlStatementError } from '../errors.ts';
import type { Column } from '../schema/logical-schema.ts';
import type { TimestampPlan } from './query-plan.ts';
import { timestampParser } from './timestamp-format.ts';

/** Resolves a TIMESTAMP property's column, exact name first, then upper-cased (unquoted). */
export function findTimestampColumn(
  columns: readonly Column[],
  name: string,
): { column: Column; index: number } | undefined {
  let index = columns.findIndex((c) => c.name === name);
  if (index < 0) index = columns.findIndex((c) => c.name === name.toUpperCase());
  const column = columns[index];
  return column ? { column, index } : undefined;
}

/**
 * Converts a TIMESTAMP column value to epoch ms: BIGINT and TIMESTAMP as is, STRING with the
 * TIMESTAMP_FORMAT pattern. null, negative or unparseable → null (record skipped, e.10).
 */
export function timestampConverter(
  column: Column,
  format: string | undefined,
): (v: unknown) => number | null {
  switch (column.type.kind) {
    case 'BIGINT':
      return (v) => (typeof v === 'bigint' && v >= 0n ? Number(v) : null);
    case 'TIMESTAMP':
      return (v) => (typeof v === 'number' && v >= 0 ? v : null);
    case 'STRING': {
      if (format === undefined) {
        throw new KsqlStatementError(
          `Timestamp column, \`${column.name}\`, is of type STRING. Please specify the TIMESTAMP_FORMAT in the WITH clause.`,
        );
      }
      const parse = timestampParser(format);
      return (v) => {
        if (typeof v !== 'string') return null;
        const t = parse(v);
        return t !== null && t >= 0 ? t : null;
      };
    }
    default:
      throw new KsqlStatementError(
        `Timestamp column, \`${column.name}\`, should be LONG(INT64), TIMESTAMP, or a String with a timestamp_format specified.`,
      );
  }
}

export function sourceTimestampPlan(source: SourceInfo): TimestampPlan {
  const tc = source.timestampColumn;
  if (!tc) return { kind: 'record' };
  const all = [...source.schema.key, ...source.schema.value];
  const found = findTimestampColumn(all, tc.column);
  if (!found)
    throw new KsqlStatementError(
      `The TIMESTAMP column set in the WITH clause does not exist in the schema: '${tc.column}'`,
    );
  return { kind: 'column', index: found.index, parse: timestampConverter(found.column, tc.format) };
}
