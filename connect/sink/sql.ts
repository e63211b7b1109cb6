import { ConfigError } from '../../common/errors.ts';

/**
 * Statement text for the Postgres dialect of the JDBC sink (PostgreSqlDatabaseDialect):
 * `INSERT`, `INSERT ... ON CONFLICT (pk) DO UPDATE SET c = EXCLUDED.c` (or `DO NOTHING` when
 * every column is a key column) and `UPDATE ... WHERE pk`. The insert and upsert forms take
 * several rows per statement (the real sink sends a JDBC batch of single-row statements; one
 * multi-row statement has the same effect once rows with the same key are deduplicated).
 */
export interface TableShape {
  /** Table name as written in SQL (already quoted if quoting is on). */
  readonly table: string;
  /** Column identifiers as written in SQL, key columns first. */
  readonly keyColumns: readonly string[];
  readonly valueColumns: readonly string[];
}

export function quoteIdentifier(name: string, quote: boolean): string {
  if (quote)
    return name
      .split('.')
      .map((part) => `"${part.replace(/"/g, '""')}"`)
      .join('.');
  // Unquoted: Postgres folds to lower case. Refuse what could not be an identifier at all.
  if (!/^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/.test(name)) {
    throw new ConfigError('quote.sql.identifiers', `"${name}" is not a valid unquoted SQL identifier`, {
      hint: 'use quote.sql.identifiers=always or rename the field/table',
    });
  }
  return name;
}

function placeholders(rows: number, width: number): string {
  const out: string[] = [];
  let p = 1;
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(`$${p++}`);
    out.push(`(${cells.join(',')})`);
  }
  return out.join(',');
}

export function insertSql(shape: TableShape, rows: number): string {
  const columns = [...shape.keyColumns, ...shape.valueColumns];
  return `INSERT INTO ${shape.table} (${columns.join(',')}) VALUES ${placeholders(rows, columns.length)}`;
}

export function upsertSql(shape: TableShape, rows: number): string {
  const conflict = `ON CONFLICT (${shape.keyColumns.join(',')})`;
  const action =
    shape.valueColumns.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${shape.valueColumns.map((c) => `${c}=EXCLUDED.${c}`).join(',')}`;
  return `${insertSql(shape, rows)} ${conflict} ${action}`;
}

/** One row per statement; parameters are the value columns, then the key columns. */
export function updateSql(shape: TableShape): string {
  let p = 1;
  const set = shape.valueColumns.map((c) => `${c} = $${p++}`).join(', ');
  const where = shape.keyColumns.map((c) => `${c} = $${p++}`).join(' AND ');
  return `UPDATE ${shape.table} SET ${set} WHERE ${where}`;
}

/** Postgres accepts at most 65535 bind parameters per statement. */
export const MAX_PARAMETERS = 65_535;
