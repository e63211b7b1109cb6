import type { DecodedRecord, SourceInfo } from '../api.ts';
import type { ColumnBinding, Scope } from '../expression/scope.ts';
import { BIGINT, INT, type SqlType } from '../types/sql-type.ts';

/**
 * The scope of a transient query over one source: its key and value columns plus the pseudo
 * columns ROWTIME, ROWPARTITION, ROWOFFSET and, for windowed sources, WINDOWSTART/WINDOWEND
 * (reference e.10). Rows are decoded records of the source's topic.
 */
export type SourceRow = DecodedRecord;

export interface ScopeColumn {
  readonly name: string;
  readonly type: SqlType;
  readonly key: boolean;
  readonly read: (row: SourceRow) => unknown;
}

export function sourceColumns(source: SourceInfo): ScopeColumn[] {
  const cols: ScopeColumn[] = [];
  source.schema.key.forEach((c, i) =>
    cols.push({ name: c.name, type: c.type, key: true, read: (r) => r.key[i] ?? null }),
  );
  if (source.keyFormat.window) {
    cols.push({
      name: 'WINDOWSTART',
      type: BIGINT,
      key: true,
      read: (r) => (r.window ? BigInt(r.window.start) : null),
    });
    cols.push({
      name: 'WINDOWEND',
      type: BIGINT,
      key: true,
      read: (r) => (r.window ? BigInt(r.window.end) : null),
    });
  }
  source.schema.value.forEach((c, i) =>
    cols.push({ name: c.name, type: c.type, key: false, read: (r) => r.value?.[i] ?? null }),
  );
  return cols;
}

const PSEUDO: readonly ScopeColumn[] = [
  { name: 'ROWTIME', type: BIGINT, key: false, read: (r) => BigInt(r.timestamp) },
  { name: 'ROWPARTITION', type: INT, key: false, read: (r) => r.partition },
  { name: 'ROWOFFSET', type: BIGINT, key: false, read: (r) => BigInt(r.offset) },
];

export function sourceScope(source: SourceInfo, alias?: string): Scope {
  const byName = new Map<string, ColumnBinding>();
  for (const c of [...sourceColumns(source), ...PSEUDO])
    byName.set(c.name, { type: c.type, read: c.read as (row: unknown) => unknown });
  return {
    resolveColumn(name, qualifier) {
      if (qualifier !== undefined && qualifier !== source.name && qualifier !== alias) return undefined;
      return byName.get(name);
    },
  };
}
