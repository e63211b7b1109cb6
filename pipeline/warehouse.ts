import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import type { SinkDatabase, SqlExecutor } from '../connect/sink/database.ts';
import { pgDatabase } from '../connect/sink/database.ts';
import { RuntimeFailure } from '../common/errors.ts';
import { migrate, redactUrl } from '../migrations/migrate.ts';

/**
 * Where the local pipeline's tables live: the Postgres server at DATABASE_URL, or an embedded
 * PGlite persisted under a data directory and served on a local Postgres port, so that psql
 * and Grafana can connect to it while the pipeline runs. Either way migrations/ creates the
 * schema and the local sink writes through a SinkDatabase.
 */
export interface Warehouse {
  /** A connection string for external clients (psql, Grafana, `npm run score`). */
  readonly databaseUrl: string;
  readonly kind: 'server' | 'embedded';
  readonly sinkDatabase: SinkDatabase;
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface WarehouseOptions {
  /** Use this server instead of the embedded database. */
  readonly databaseUrl?: string;
  /** Schema on the server for the tables (default public); tests use one each. */
  readonly schema?: string;
  /** Embedded database directory (default .data/pglite). */
  readonly dataDir: string;
  /** Port of the embedded database's Postgres endpoint (0 = any free port). */
  readonly port: number;
  readonly log: (line: string) => void;
}

export async function openWarehouse(options: WarehouseOptions): Promise<Warehouse> {
  if (options.databaseUrl) return openServer(options.databaseUrl, options.log, options.schema);
  return openEmbedded(options);
}

async function openServer(
  databaseUrl: string,
  log: (line: string) => void,
  schema?: string,
): Promise<Warehouse> {
  const applied = await migrate({ databaseUrl, schema });
  log(
    `postgres: ${redactUrl(databaseUrl)} (migrations applied: ${applied.applied.length ? applied.applied.join(', ') : 'none pending'})`,
  );
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return {
    databaseUrl,
    kind: 'server',
    sinkDatabase: pgDatabase(pool, schema),
    query: async <T>(sql: string, params?: readonly unknown[]) =>
      (await pool.query(sql, params as unknown[])).rows as T[],
    close: () => pool.end(),
  };
}

async function openEmbedded(options: WarehouseOptions): Promise<Warehouse> {
  mkdirSync(options.dataDir, { recursive: true });
  options.log(`postgres: embedded PGlite in ${options.dataDir} (the first start initializes it, ~20 s)`);
  const db = await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port, maxConnections: 8 });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    throw new RuntimeFailure(
      `cannot serve the embedded Postgres on 127.0.0.1:${options.port}: ${(err as Error).message}`,
      {
        hint: 'pass another --pg-port, or DATABASE_URL to use a Postgres server',
        cause: err,
      },
    );
  }
  const databaseUrl = `postgres://postgres@${server.getServerConn()}/postgres`;
  const applied = await migrate({ databaseUrl });
  options.log(
    `postgres: ${databaseUrl} (migrations applied: ${applied.applied.length ? applied.applied.join(', ') : 'none pending'})`,
  );
  const sinkDatabase: SinkDatabase = {
    transaction: <T>(fn: (sql: SqlExecutor) => Promise<T>) =>
      db.transaction(async (tx) =>
        fn({
          query: async (text, params) => {
            const r = await tx.query(text, params as unknown[]);
            return { rowCount: r.affectedRows ?? null, rows: r.rows as unknown[] };
          },
        }),
      ),
  };
  return {
    databaseUrl,
    kind: 'embedded',
    sinkDatabase,
    query: async <T>(sql: string, params?: readonly unknown[]) =>
      (await db.query<T>(sql, params as unknown[])).rows,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
