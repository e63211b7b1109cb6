import type { InsertMode } from './config.ts';
import type { SqlExecutor } from './database.ts';
import type { Shape, SinkRow } from './rows.ts';
import { insertSql, MAX_PARAMETERS, updateSql, upsertSql } from './sql.ts';

/** The table is missing (auto.create=false), like the JDBC sink's TableAlterOrCreateException. */
export class TableMissingError extends Error {
  readonly javaClass = 'io.confluent.connect.jdbc.sink.TableAlterOrCreateException';
}

/**
 * Writes rows in statements of at most `batch.size` rows (BufferedRecords), grouped by table
 * and columns. Upserts are deduplicated by primary key keeping the last row, because one
 * multi-row `INSERT ... ON CONFLICT DO UPDATE` may not touch the same row twice; the final
 * table is the same as applying every record in order.
 */
export class DbWriter {
  private readonly knownTables = new Set<string>();
  private readonly statements = new Map<string, string>();

  constructor(
    private readonly mode: InsertMode,
    private readonly batchSize: number,
  ) {}

  /** Runs inside the caller's transaction; returns the number of rows sent. */
  async write(sql: SqlExecutor, rows: readonly SinkRow[]): Promise<number> {
    let written = 0;
    for (const [shape, group] of this.group(rows)) {
      await this.checkTable(sql, shape);
      if (this.mode === 'update') {
        for (const row of group)
          await sql.query(this.statement(shape, 1), reorderForUpdate(shape, row.params));
        written += group.length;
        continue;
      }
      const width = shape.keyColumns.length + shape.valueColumns.length;
      const chunk = Math.max(1, Math.min(this.batchSize, Math.floor(MAX_PARAMETERS / width)));
      for (let i = 0; i < group.length; i += chunk) {
        const part = group.slice(i, i + chunk);
        const params: unknown[] = [];
        for (const row of part) for (const p of row.params) params.push(p);
        await sql.query(this.statement(shape, part.length), params);
        written += part.length;
      }
    }
    return written;
  }

  private group(rows: readonly SinkRow[]): Map<Shape, SinkRow[]> {
    const bySignature = new Map<string, { shape: Shape; rows: Map<string, SinkRow> | SinkRow[] }>();
    for (const row of rows) {
      let entry = bySignature.get(row.shape.signature);
      if (!entry) {
        entry = { shape: row.shape, rows: this.mode === 'upsert' ? new Map() : [] };
        bySignature.set(row.shape.signature, entry);
      }
      if (entry.rows instanceof Map) {
        entry.rows.delete(row.key); // keep the last row per key, in the order of last writes
        entry.rows.set(row.key, row);
      } else entry.rows.push(row);
    }
    const out = new Map<Shape, SinkRow[]>();
    for (const { shape, rows: r } of bySignature.values())
      out.set(shape, r instanceof Map ? [...r.values()] : r);
    return out;
  }

  private statement(shape: Shape, rows: number): string {
    const id = `${shape.signature}#${rows}`;
    let text = this.statements.get(id);
    if (text === undefined) {
      text =
        this.mode === 'upsert'
          ? upsertSql(shape, rows)
          : this.mode === 'insert'
            ? insertSql(shape, rows)
            : updateSql(shape);
      if (this.statements.size > 10_000) this.statements.clear();
      this.statements.set(id, text);
    }
    return text;
  }

  private async checkTable(sql: SqlExecutor, shape: Shape): Promise<void> {
    if (this.knownTables.has(shape.table)) return;
    const result = await sql.query('SELECT to_regclass($1) IS NOT NULL AS present', [shape.table]);
    if (!(result.rows[0] as { present?: boolean } | undefined)?.present) {
      throw new TableMissingError(`Table "${shape.tableName}" is missing and auto-creation is disabled`);
    }
    this.knownTables.add(shape.table);
  }
}

function reorderForUpdate(shape: Shape, params: readonly unknown[]): unknown[] {
  const k = shape.keyColumns.length;
  return [...params.slice(k), ...params.slice(0, k)];
}
