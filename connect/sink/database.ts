import type pg from 'pg';

/** The statements the sink runs inside one transaction. */
export interface SqlExecutor {
  query(text: string, params?: readonly unknown[]): Promise<{ rowCount: number | null; rows: unknown[] }>;
}

/**
 * The database the local sink writes to: a Postgres server through `pg`, or anything else
 * that runs Postgres SQL in transactions (PGlite in `npm start`).
 */
export interface SinkDatabase {
  /** Runs `fn` in one transaction: COMMIT if it resolves, ROLLBACK if it throws. */
  transaction<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T>;
}

/** A SinkDatabase over a pg Pool; one pooled connection per transaction. */
export function pgDatabase(pool: pg.Pool, schema?: string): SinkDatabase {
  return {
    async transaction<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      // A connection lost while checked out is reported as an 'error' event, which would
      // crash the process unhandled; the failing query rejects anyway, so just note it.
      const onError = (): void => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        if (schema !== undefined)
          await client.query(`SET LOCAL search_path TO "${schema.replace(/"/g, '""')}"`);
        const result = await fn(client as unknown as SqlExecutor);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw err;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
  };
}
