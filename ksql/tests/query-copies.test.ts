import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMigrationFiles } from '../deploy/migration-files.ts';
import { splitSql } from '../deploy/split-sql.ts';
import { loadDefaultVariables } from '../deploy/variables.ts';

/**
 * The SQL test files must run unchanged under ksqlDB's run-ksql-test, which has no schema
 * registry to infer ORDERS from and no deploy-time variables. So each test declares ORDERS
 * with explicit columns and carries copies of the deployed statements with the default
 * variables substituted. This test keeps those copies identical to ksql/migrations/ and the
 * ORDERS columns identical to generator/orders.avsc, so the tests always test what is deployed.
 */
const normalize = (sql: string): string => sql.replace(/\s+/g, ' ').replace(/\s*;\s*$/, '').trim();
const variables = loadDefaultVariables('ksql/variables.json');
const substitute = (sql: string): string => sql.replace(/\$\{(\w+)\}/g, (m, name: string) => variables[name] ?? m);

const deployed = new Map<string, string>();
for (const file of loadMigrationFiles('ksql/migrations').files) {
  for (const s of splitSql(file.content, file.fileName)) {
    const name = /^CREATE\s+(?:OR\s+REPLACE\s+)?(?:STREAM|TABLE)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)/i.exec(s.sql)?.[1];
    if (name) deployed.set(name.toUpperCase(), normalize(substitute(s.sql)));
  }
}

const testFiles = readdirSync('ksql/tests').filter((f) => f.endsWith('.sql'));

function avscColumns(): string {
  const schema = JSON.parse(readFileSync('generator/orders.avsc', 'utf8')) as {
    fields: { name: string; type: unknown }[];
  };
  const sqlType = (t: unknown): string => {
    if (Array.isArray(t)) return sqlType(t.find((x) => x !== 'null'));
    if (typeof t === 'object' && t !== null) {
      const o = t as { type: string; logicalType?: string };
      if (o.logicalType === 'timestamp-millis') return 'TIMESTAMP';
      return sqlType(o.type);
    }
    const map: Record<string, string> = { string: 'STRING', long: 'BIGINT', int: 'INT', boolean: 'BOOLEAN', double: 'DOUBLE' };
    const mapped = map[String(t)];
    if (!mapped) throw new Error(`no ksqlDB type for Avro ${String(t)}`);
    return mapped;
  };
  return schema.fields.map((f) => `${f.name.toUpperCase()} ${sqlType(f.type)}`).join(', ');
}

describe('ksql/tests carry exact copies of the deployed queries', () => {
  it('there are test files for every detection query', () => {
    expect(testFiles.sort()).toEqual(['high-value-orders.sql', 'invalid-orders.sql', 'popular-products.sql', 'realtime-stats.sql', 'suspicious-ips.sql']);
  });

  it.each(testFiles)('%s: every CREATE ... AS SELECT equals the migration with default variables', (file) => {
    const statements = splitSql(readFileSync(`ksql/tests/${file}`, 'utf8'), file).filter((s) => /\bAS\s+SELECT\b/i.test(s.sql));
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      const name = /^CREATE\s+(?:STREAM|TABLE)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)/i.exec(s.sql)?.[1]?.toUpperCase() ?? '?';
      expect(deployed.has(name), `${file}:${s.line} creates ${name}, which no migration creates`).toBe(true);
      expect(normalize(s.sql), `${file}:${s.line}`).toBe(deployed.get(name));
    }
  });

  it.each(testFiles)('%s: ORDERS is declared with the columns of generator/orders.avsc', (file) => {
    const creates = splitSql(readFileSync(`ksql/tests/${file}`, 'utf8'), file).filter((s) => /^CREATE STREAM ORDERS\b/i.test(s.sql));
    expect(creates.length).toBeGreaterThan(0);
    for (const s of creates) {
      const columns = /^CREATE STREAM ORDERS \((.*)\) WITH/is.exec(s.sql)?.[1];
      expect(columns, `${file}:${s.line}`).toBe(avscColumns());
      expect(s.sql).toContain("KAFKA_TOPIC='orders', VALUE_FORMAT='AVRO', TIMESTAMP='EVENT_TS'");
    }
  });
});
