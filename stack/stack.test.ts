import { describe, expect, it } from 'vitest';
import { runStackChecks } from './check-stack.ts';
import {
  checkAddresses,
  checkHealthchecks,
  checkPinnedImages,
  checkVariablesDeclared,
  type ComposeFile,
} from './compose.ts';
import { expandGrafanaMacros } from './grafana-macros.ts';
import { checkGrafana, type Dashboard, type GrafanaQuery } from './grafana.ts';
import { checkConnectorEnv, checkWiring } from './wiring.ts';

function compose(services: ComposeFile['doc']['services'], text = ''): ComposeFile {
  return { text, doc: { services } };
}

describe('check-stack on the repository', () => {
  it('finds no problem in docker-compose.yml, .env.example, grafana/ and the setup path', () => {
    const results = runStackChecks('.');
    expect(results.length).toBeGreaterThanOrEqual(8);
    expect(results.flatMap((r) => r.problems.map((p) => `${r.name}: ${p.where}: ${p.message}`))).toEqual([]);
  });
});

describe('compose checks catch what they are for', () => {
  it('flags unpinned images, accepting pinned ones after interpolation', () => {
    const env = new Map([['CP_VERSION', '7.9.1']]);
    const problems = checkPinnedImages(
      compose({
        a: { image: 'confluentinc/cp-kafka:${CP_VERSION}' },
        b: { image: 'grafana/grafana:latest' },
        c: { image: 'postgres' },
        d: { image: 'postgres:15' },
        e: { image: 'postgres:15.10' },
      }),
      env,
    );
    expect(problems.map((p) => p.where)).toEqual([
      'services.b.image',
      'services.c.image',
      'services.d.image',
    ]);
  });

  it('flags variables missing from .env.example and ignores $$ escapes', () => {
    const text = 'x: ${A}\ny: ${B:-1}\nz: $$HOME\nw: $C';
    const problems = checkVariablesDeclared(compose({}, text), new Map([['A', '1']]));
    expect(problems.map((p) => p.message)).toEqual([
      'variable B is used but not declared in .env.example',
      'variable C is used but not declared in .env.example',
    ]);
  });

  it('flags missing healthchecks and depends_on without service_healthy', () => {
    const problems = checkHealthchecks(
      compose({ a: { healthcheck: { test: ['CMD', 'true'] } }, b: { depends_on: ['a'] } }),
    );
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'services.b: no healthcheck',
      'services.b.depends_on.a: should wait for condition: service_healthy',
    ]);
  });

  it('flags an address that does not reach the published port', () => {
    const services = {
      kafka: { ports: ['127.0.0.1:9092:9092'] },
      'schema-registry': { ports: ['8081:8081'] },
      'ksqldb-server': { ports: ['127.0.0.1:8088:8088'] },
      connect: { ports: ['8083:8083'] },
      postgres: { ports: ['5432:5432'] },
    };
    const env = new Map([
      ['KAFKA_BOOTSTRAP_SERVERS', 'localhost:9092'],
      ['SCHEMA_REGISTRY_URL', 'http://localhost:8081'],
      ['KSQLDB_URL', 'http://localhost:8089'],
      ['CONNECT_URL', 'http://localhost:8083'],
      ['DATABASE_URL', 'postgres://u:p@localhost:5432/d'],
      ['POSTGRES_USER', 'u'],
      ['POSTGRES_PASSWORD', 'p'],
      ['POSTGRES_DB', 'd'],
    ]);
    const problems = checkAddresses(compose(services), env, { KSQLDB_URL: 'http://localhost:8088' });
    expect(problems.map((p) => p.where)).toEqual(['.env.example KSQLDB_URL']);
  });
});

describe('grafana and wiring checks', () => {
  it('flags unknown datasource uids and the wrong dashboard time zone', () => {
    const dash: Dashboard = { file: 'd.json', uid: 'd', timezone: 'browser', refresh: '5s', panels: [] };
    const q: GrafanaQuery = { origin: 'panel x', datasourceUid: 'nope', sql: 'SELECT 1', format: 'table' };
    expect(checkGrafana([dash], [q], new Set(['fraud-postgres'])).map((p) => p.message)).toEqual([
      'timezone is browser, expected Asia/Seoul',
      'datasource uid "nope" is not provisioned',
    ]);
  });

  it('flags a connector whose topic or table does not exist', () => {
    const problems = checkWiring(
      [
        {
          file: 'a.json',
          name: 'a',
          config: { 'connector.class': 'x', topics: 'ghost', 'table.name.format': 'nowhere' },
        },
      ],
      new Set(['popular_products']),
      new Set(['popular_products']),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'topic ghost is not written by any query in ksql/migrations',
      'table nowhere is not created by migrations/',
    ]);
  });
});

describe('connector environment', () => {
  it('flags an env placeholder the Connect worker does not define', () => {
    const problems = checkConnectorEnv(
      [
        {
          file: 'a.json',
          name: 'a',
          config: {
            'connector.class': 'x',
            'connection.password': '${env:PG_PASS}',
            'connection.user': '${env:PG_USER}',
          },
        },
      ],
      new Set(['PG_USER']),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "${env:PG_PASS} is not set in the connect service's environment",
    ]);
  });
});

describe('Grafana macro expansion (Postgres datasource)', () => {
  const range = { from: new Date('2026-11-24T00:00:00Z'), to: new Date('2026-11-24T01:00:00Z') };
  it('expands time filters and groups as Grafana does', () => {
    expect(expandGrafanaMacros('WHERE $__timeFilter(window_start)', range)).toBe(
      "WHERE window_start BETWEEN '2026-11-24T00:00:00Z' AND '2026-11-24T01:00:00Z'",
    );
    expect(expandGrafanaMacros("SELECT $__timeGroupAlias(event_ts, '1m'), count(*)", range)).toBe(
      'SELECT floor(extract(epoch from event_ts)/60)*60 AS "time", count(*)',
    );
    expect(expandGrafanaMacros('$__timeFrom() $__timeTo() $__unixEpochFilter(ts)', range)).toBe(
      "'2026-11-24T00:00:00Z' '2026-11-24T01:00:00Z' ts >= 1795478400 AND ts <= 1795482000",
    );
  });
  it('keeps milliseconds the way Go prints them', () => {
    const r = { from: new Date('2026-11-24T00:00:00.120Z'), to: new Date('2026-11-24T00:00:01.999Z') };
    expect(expandGrafanaMacros('$__timeFrom() $__timeTo()', r)).toBe(
      "'2026-11-24T00:00:00.12Z' '2026-11-24T00:00:01.999Z'",
    );
  });
  it('rejects unknown macros like Grafana', () => {
    expect(() => expandGrafanaMacros('$__bogus(x)', range)).toThrow('undefined macro: $__bogus');
  });
});
