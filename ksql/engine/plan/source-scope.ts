import type { ColumnBinding, Scope } from '../expression/scope.ts';
import type { Column } from '../schema/logical-schema.ts';
import { BIGINT, INT, type SqlType } from '../types/sql-type.ts';

/**
 * Layout of the flat row array a query's source stage builds per record:
 * `[...key, ...value, timestamp, partition, offset, windowStart, windowEnd]`.
 * Timestamps/offsets are plain numbers in the row; the pseudo-column bindings turn them into
 * BIGINT (`bigint`) only when an expression reads them (types/sql-type.ts).
 */
export interface SourceLayout {
  readonly key: readonly Column[];
  readonly value: readonly Column[];
  readonly tsIndex: number;
  readonly partitionIndex: number;
  readonly offsetIndex: number;
  readonly windowStartIndex: number;
  readonly windowEndIndex: number;
  readonly width: number;
}

export function sourceLayout(key: readonly Column[], value: readonly Column[]): SourceLayout {
  const base = key.length + value.length;
  return {
    key,
    value,
    tsIndex: base,
    partitionIndex: base + 1,
    offsetIndex: base + 2,
    windowStartIndex: base + 3,
    windowEndIndex: base + 4,
    width: base + 5,
  };
}

export const PSEUDO_COLUMNS = ['ROWTIME', 'ROWPARTITION', 'ROWOFFSET'] as const;
export const WINDOW_BOUNDS = ['WINDOWSTART', 'WINDOWEND'] as const;
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...PSEUDO_COLUMNS, ...WINDOW_BOUNDS]);

export function indexBinding(index: number, type: SqlType): ColumnBinding {
  return { type, read: (row) => (row as unknown[])[index] ?? null };
}

function bigintBinding(index: number): ColumnBinding {
  return {
    type: BIGINT,
    read: (row) => {
      const v = (row as unknown[])[index];
      return typeof v === 'number' ? BigInt(v) : null;
    },
  };
}

export interface SourceScopeOptions {
  /** Names the source can be qualified with (its name and alias). */
  readonly qualifiers: readonly string[];
  readonly windowed: boolean;
  /** Whether ROWPARTITION/ROWOFFSET are visible (persistent queries: yes). */
  readonly rowPartitionOffset: boolean;
}

/** The scope of expressions evaluated over the source row (WHERE, GROUP BY args, projections). */
export function sourceScope(layout: SourceLayout, o: SourceScopeOptions): Scope {
  const byName = new Map<string, ColumnBinding>();
  layout.value.forEach((c, i) => byName.set(c.name, indexBinding(layout.key.length + i, c.type)));
  layout.key.forEach((c, i) => byName.set(c.name, indexBinding(i, c.type)));
  byName.set('ROWTIME', bigintBinding(layout.tsIndex));
  if (o.rowPartitionOffset) {
    byName.set('ROWPARTITION', indexBinding(layout.partitionIndex, INT));
    byName.set('ROWOFFSET', bigintBinding(layout.offsetIndex));
  }
  if (o.windowed) {
    byName.set('WINDOWSTART', bigintBinding(layout.windowStartIndex));
    byName.set('WINDOWEND', bigintBinding(layout.windowEndIndex));
  }
  return {
    resolveColumn(name, source) {
      if (source !== undefined && !o.qualifiers.includes(source)) return undefined;
      return byName.get(name);
    },
  };
}
