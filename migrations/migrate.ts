import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { RuntimeFailure, ServiceUnavailableError } from '../common/errors.ts';

/** The SQL migration files, applied in file-name order by node-pg-migrate. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./sql', import.meta.url));

/** node-pg-migrate's history table (one row per applied file) in the target schema. */
export const MIGRATIONS_TABLE = 'pgmigrations';

export interface MigrateOptions {
  readonly databaseUrl: string;
  /** Target schema (default `public`); created if missing. Tests use one schema each. */
  readonly schema?: string;
  readonly direction?: 'up' | 'down';
  /** With `down`: how many migrations to revert (default 1). */
  readonly count?: number;
  /** Up only: report the pending migrations and their SQL; touch nothing (no schema, no history). */
  readonly dryRun?: boolean;
  /** Receives node-pg-migrate's progress lines (default: discarded). */
  readonly log?: (line: string) => void;
}

export interface MigrateResult {
  /** Names of the migration files applied (or reverted) by this run; empty if up to date. */
  readonly applied: readonly string[];
  /** With dryRun: the Up SQL of each pending migration, by name. */
  readonly sql?: ReadonlyMap<string, string>;
}

/**
 * Applies pending migrations under node-pg-migrate's advisory lock, all in one transaction,
 * and records them in its history table. Running it again applies nothing.
 */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const schema = options.schema ?? 'public';
  const direction = options.direction ?? 'up';
  const log = options.log ?? (() => {});
  if (options.dryRun && direction === 'up') return pending(options.databaseUrl, schema);
  try {
    const ran = await runner({
      databaseUrl: options.databaseUrl,
      dir: MIGRATIONS_DIR,
      migrationsTable: MIGRATIONS_TABLE,
      schema,
      createSchema: true,
      direction,
      count: direction === 'down' ? (options.count ?? 1) : Infinity,
      singleTransaction: true,
      checkOrder: true,
      dryRun: false,
      advisoryLockMode: 'wait',
      logger: { debug: log, info: log, warn: log, error: log },
    });
    return { applied: ran.map((m) => m.name) };
  } catch (err) {
    throw classify(err, options.databaseUrl);
  }
}

/** Pending migrations read from the history table, without creating anything. */
async function pending(databaseUrl: string, schema: string): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const exists = await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [
      `"${schema.replace(/"/g, '""')}".${MIGRATIONS_TABLE}`,
    ]);
    const done = new Set<string>();
    if ((exists.rows[0] as { present: boolean }).present) {
      const history = await client.query(
        `SELECT name FROM "${schema.replace(/"/g, '""')}".${MIGRATIONS_TABLE}`,
      );
      for (const row of history.rows as { name: string }[]) done.add(row.name);
    }
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    const sql = new Map<string, string>();
    for (const file of files) {
      const name = file.replace(/\.sql$/, '');
      if (done.has(name)) continue;
      const text = await readFile(join(MIGRATIONS_DIR, file), 'utf8');
      sql.set(name, text.split(/^\s*--[\s-]*down\s+migration/im)[0] ?? text);
    }
    return { applied: [...sql.keys()], sql };
  } catch (err) {
    throw classify(err, databaseUrl);
  } finally {
    await client.end().catch(() => {});
  }
}

function classify(err: unknown, databaseUrl: string): Error {
  const code = (err as { code?: unknown }).code;
  const address = redactUrl(databaseUrl);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
    return new ServiceUnavailableError('postgres', address, `cannot connect to Postgres at ${address}`, {
      hint: 'start it (npm run infra -- up) or pass --database-url / DATABASE_URL',
      cause: err,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new RuntimeFailure(`migration failed: ${message}`, {
    hint: 'nothing was applied (all pending migrations run in one transaction)',
    cause: err,
  });
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
