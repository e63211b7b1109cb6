import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDERS_SCHEMA_TEXT, ORDERS_SUBJECT } from '../../generator/order.ts';
import type { KsqlEngine } from '../engine/api.ts';
import { createEngine } from '../engine/engine.ts';
import { createKsqlServer } from '../engine/rest/server.ts';

/**
 * `npm run deploy-queries` end to end over real HTTP against the local engine's ksqlDB REST
 * API: a fresh deploy, a re-run with nothing to do, a changed applied file (refused), and a
 * failing statement (stops there, reported, what was applied stays recorded).
 */
const run = promisify(execFile);
let engine: KsqlEngine;
let app: FastifyInstance;
let server: string;
let dir: string;

async function deploy(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(
      'npx',
      [
        'tsx',
        'cli.ts',
        'deploy-queries',
        ...args,
        '--server',
        server,
        '--migrations-dir',
        join(dir, 'migrations'),
      ],
      {
        env: { ...process.env, npm_config_loglevel: 'silent' },
      },
    );
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout, err: err.stderr };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deploy-'));
  cpSync('ksql/migrations', join(dir, 'migrations'), { recursive: true });
  cpSync('ksql/variables.json', join(dir, 'variables.json'));
  engine = createEngine({ mode: 'production' });
  await engine.registry.register(ORDERS_SUBJECT, { schemaType: 'AVRO', schema: ORDERS_SCHEMA_TEXT });
  app = createKsqlServer(engine);
  server = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await engine?.close();
});

describe('deploy-queries against the local engine over HTTP', () => {
  it('deploys every migration to a fresh server, recording ksql-migrations metadata', async () => {
    const r = await deploy();
    expect(r.code).toBe(0);
    expect(r.out).toContain('deploy-queries: 6 migrated, 0 failed, 0 not run');
    expect(engine.listSources().map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'ORDERS',
        'POPULAR_PRODUCTS',
        'SUSPICIOUS_IPS',
        'HIGH_VALUE_ORDERS',
        'REALTIME_STATS',
        'INVALID_ORDERS',
        'MIGRATION_EVENTS',
        'MIGRATION_SCHEMA_VERSIONS',
      ]),
    );
    const info = await deploy('info');
    expect(info.out).toContain('Current migration version: 6');
    expect(info.out.match(/MIGRATED/g)).toHaveLength(6);
  });

  it('has nothing to do on a re-run and exits 0', async () => {
    const r = await deploy();
    expect(r.code).toBe(0);
    expect(r.out).toContain('nothing to apply');
    expect((await deploy('validate')).code).toBe(0);
  });

  it('refuses when an applied file changed, naming it', async () => {
    const file = join(dir, 'migrations', 'V000002__popular_products.sql');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}\n-- edited after deploy\n`);
    try {
      const r = await deploy();
      expect(r.code).toBe(1);
      expect(r.err).toContain('V000002__popular_products.sql changed after it was applied');
      expect((await deploy('validate')).code).toBe(1);
    } finally {
      writeFileSync(file, original);
    }
  });

  it("stops at a failing statement with ksqlDB's message, and keeps what was applied", async () => {
    writeFileSync(
      join(dir, 'migrations', 'V000007__broken.sql'),
      'CREATE STREAM OK_STREAM AS SELECT ORDER_ID FROM ORDERS;\nCREATE STREAM BROKEN AS SELECT NO_SUCH_COLUMN FROM ORDERS;\nCREATE STREAM NEVER AS SELECT ORDER_ID FROM ORDERS;\n',
    );
    const r = await deploy();
    expect(r.code).toBe(1);
    expect(r.out).toContain('[applied] V000007__broken.sql:1');
    expect(r.out).toContain('[failed] V000007__broken.sql:2');
    expect(r.out).toContain('[not-run] V000007__broken.sql:3');
    expect(r.err).toMatch(/V000007__broken\.sql:2: .*NO_SUCH_COLUMN/);
    const info = await deploy('info');
    expect(info.out).toMatch(/7\s+\| broken\s+\| ERROR/);
    expect(engine.getSource('OK_STREAM')).toBeDefined();
    expect(engine.getSource('NEVER')).toBeUndefined();
  });

  it('answers pull and push queries about the deployed tables', async () => {
    const res = await fetch(`${server}/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.ksql.v1+json' },
      body: JSON.stringify({
        ksql: "SELECT VERSION, STATE FROM MIGRATION_SCHEMA_VERSIONS WHERE VERSION_KEY = '6';",
      }),
    });
    const body = JSON.parse(await res.text()) as {
      header?: { schema: string };
      row?: { columns: unknown[] };
    }[];
    expect(body[0]?.header?.schema).toBe('`VERSION` STRING, `STATE` STRING');
    expect(body[1]?.row?.columns).toEqual(['6', 'MIGRATED']);
  });
});
