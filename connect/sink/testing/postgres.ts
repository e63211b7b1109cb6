import pg from 'pg';
import { serviceSettings } from '../../../infra/settings.ts';
import { migrate } from '../../../migrations/migrate.ts';
import { pgDatabase, type SinkDatabase } from '../database.ts';

/** A migrated schema of its own on the test Postgres, so test files never collide. */
export async function migratedSchema(prefix: string): Promise<{
  pool: pg.Pool;
  schema: string;
  database: SinkDatabase;
  query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  drop: () => Promise<void>;
}> {
  const { databaseUrl } = serviceSettings();
  const schema = `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await migrate({ databaseUrl, schema });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  return {
    pool,
    schema,
    database: pgDatabase(pool, schema),
    async query(sql, params = []) {
      const client = await pool.connect();
      try {
        await client.query(`SET search_path TO ${schema}`);
        return (await client.query(sql, params)).rows as Record<string, unknown>[];
      } finally {
        client.release();
      }
    },
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}
