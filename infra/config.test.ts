import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../common/errors.ts';
import { exportLines, resolveInfraConfig, settingsOf } from './config.ts';
import { serviceSettings } from './settings.ts';

describe('resolveInfraConfig', () => {
  it('defaults to the ports in settings.ts and a cache under XDG_CACHE_HOME', () => {
    const config = resolveInfraConfig({}, { XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' });
    expect(config.ports).toEqual({
      kafka: 19092,
      kafkaController: 19093,
      registry: 18081,
      registryManagement: 18082,
      postgres: 15432,
    });
    expect(config.cacheDir).toBe(path.resolve('/x/cache/fraud-pipeline/infra'));
    expect(config.dataDir.endsWith(path.join('.data', 'infra'))).toBe(true);
  });

  it('falls back to ~/.cache without XDG_CACHE_HOME', () => {
    expect(resolveInfraConfig({}, { HOME: '/home/u' }).cacheDir).toBe('/home/u/.cache/fraud-pipeline/infra');
  });

  it('takes flags over INFRA_* variables over the shared variables', () => {
    const env = {
      KAFKA_BOOTSTRAP_SERVERS: '127.0.0.1:29092,127.0.0.1:29093',
      INFRA_KAFKA_PORT: '39092',
      SCHEMA_REGISTRY_URL: 'http://127.0.0.1:28081/apis/ccompat/v7',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:25432/postgres',
      INFRA_POSTGRES_PORT: '35432',
    };
    const config = resolveInfraConfig({ postgresPort: '45432' }, env);
    expect(config.ports.kafka).toBe(39092);
    expect(config.ports.registry).toBe(28081);
    expect(config.ports.postgres).toBe(45432);
    expect(resolveInfraConfig({}, { KAFKA_BOOTSTRAP_SERVERS: 'localhost:29092' }).ports.kafka).toBe(29092);
  });

  it('prints settings that serviceSettings() reads back unchanged', () => {
    const config = resolveInfraConfig(
      { kafkaPort: '29092', registryPort: '28081', postgresPort: '25432' },
      {},
    );
    const env: Record<string, string> = {};
    for (const line of exportLines(settingsOf(config))) {
      const [name, value] = line.replace(/^export /, '').split(/=(.*)/s);
      env[name!] = value!;
    }
    expect(serviceSettings(env)).toEqual(settingsOf(config));
    expect(settingsOf(resolveInfraConfig({}, {}))).toEqual(serviceSettings({}));
  });

  it('rejects a bad port with the key that carried it', () => {
    expect(() => resolveInfraConfig({ kafkaPort: 'abc' }, {})).toThrow(ConfigError);
    try {
      resolveInfraConfig({}, { INFRA_REGISTRY_PORT: '70000' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).key).toBe('INFRA_REGISTRY_PORT');
      expect((err as ConfigError).exitCode).toBe(2);
    }
  });

  it('rejects two services on one port', () => {
    expect(() => resolveInfraConfig({ registryPort: '19092' }, {})).toThrow(
      /kafka and registry would both listen on port 19092/,
    );
  });

  it('reads timeouts in seconds', () => {
    const config = resolveInfraConfig({ timeout: '5', stopTimeout: '0.5' }, {});
    expect(config.readyTimeoutMs).toBe(5000);
    expect(config.stopTimeoutMs).toBe(500);
    expect(() => resolveInfraConfig({ timeout: '-1' }, {})).toThrow(ConfigError);
  });
});
