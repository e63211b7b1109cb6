import { describe, expect, it } from 'vitest';
import { resolveInfraConfig } from './config.ts';
import { parseJavaMajor } from './java.ts';
import { randomClusterId, renderLog4j, renderServerProperties } from './kafka.ts';
import { postgresArgs } from './postgres.ts';
import { registryJvmArgs } from './registry.ts';

function properties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

describe('Kafka config', () => {
  const config = resolveInfraConfig({ kafkaPort: '29092', kafkaControllerPort: '29093' }, {});
  const props = properties(renderServerProperties(config, '/data/kafka'));

  it('is a single KRaft node on loopback with the configured ports', () => {
    expect(props['process.roles']).toBe('broker,controller');
    expect(props['controller.quorum.voters']).toBe('1@127.0.0.1:29093');
    expect(props.listeners).toBe('PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093');
    expect(props['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:29092');
    expect(props['log.dirs']).toBe('/data/kafka');
  });

  it('creates no topic implicitly and defaults to one partition', () => {
    expect(props['auto.create.topics.enable']).toBe('false');
    expect(props['num.partitions']).toBe('1');
    expect(props['offsets.topic.replication.factor']).toBe('1');
  });

  it('logs to stdout through log4j 1 (reload4j)', () => {
    expect(properties(renderLog4j())['log4j.rootLogger']).toBe('INFO, stdout');
  });

  it('makes cluster ids in Kafka Uuid format (22 url-safe base64 chars)', () => {
    for (let i = 0; i < 50; i++) expect(randomClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });
});

describe('registry and Postgres flags', () => {
  const config = resolveInfraConfig(
    { registryPort: '28081', registryManagementPort: '28082', postgresPort: '25432' },
    {},
  );

  it('keeps both Apicurio listeners on loopback and the heap small', () => {
    const args = registryJvmArgs(config, '/d/registry');
    expect(args).toContain('-Dquarkus.http.host=127.0.0.1');
    expect(args).toContain('-Dquarkus.http.port=28081');
    expect(args).toContain('-Dquarkus.management.host=127.0.0.1');
    expect(args).toContain('-Dquarkus.management.port=28082');
    expect(args).toContain('-Xmx384m');
    expect(args.some((a) => a.includes('/d/registry'))).toBe(true);
  });

  it('runs Postgres on its own port and data dir, TCP on loopback only', () => {
    const args = postgresArgs(config, '/d/pg');
    expect(args.slice(0, 2)).toEqual(['-D', '/d/pg']);
    expect(args).toContain('port=25432');
    expect(args).toContain('listen_addresses=127.0.0.1');
    expect(args).toContain('unix_socket_directories=');
  });
});

describe('parseJavaMajor', () => {
  it('reads modern and legacy version strings', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('openjdk version "21.0.8" 2025-07-15 LTS')).toBe(21);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('no java here')).toBeUndefined();
  });
});
