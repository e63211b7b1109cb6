import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../common/errors.ts';
import { DEFAULT_PORTS, type ServiceSettings } from './settings.ts';

/** Loopback only: these services are for tests on this machine, never reachable from outside. */
export const HOST = '127.0.0.1';

export interface InfraPorts {
  readonly kafka: number;
  readonly kafkaController: number;
  readonly registry: number;
  /** Quarkus's management interface (health, metrics); it cannot be switched off at run time. */
  readonly registryManagement: number;
  readonly postgres: number;
}

export interface InfraConfig {
  readonly ports: InfraPorts;
  /** Runtime state: data, logs, pid files (`.data/infra` in the repository by default). */
  readonly dataDir: string;
  /** Installed artifacts, kept outside the clone so a fresh clone reuses them. */
  readonly cacheDir: string;
  /** The repository root (where infra/maven/*.xml live). */
  readonly repoRoot: string;
  readonly readyTimeoutMs: number;
  readonly stopTimeoutMs: number;
}

/** Command-line flags as commander hands them over (strings, all optional). */
export interface InfraFlags {
  kafkaPort?: string;
  kafkaControllerPort?: string;
  registryPort?: string;
  registryManagementPort?: string;
  postgresPort?: string;
  dataDir?: string;
  cacheDir?: string;
  timeout?: string;
  stopTimeout?: string;
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const DEFAULT_REGISTRY_MANAGEMENT_PORT = 18082;

type PortKey = keyof InfraPorts;

/** Per port: its flag, its INFRA_* variable, the shared variable it can be read from, default. */
const PORT_SOURCES: Record<
  PortKey,
  {
    flag: keyof InfraFlags;
    option: string;
    env: string;
    fromShared?: (env: NodeJS.ProcessEnv) => string | undefined;
    fallback: number;
  }
> = {
  kafka: {
    flag: 'kafkaPort',
    option: '--kafka-port',
    env: 'INFRA_KAFKA_PORT',
    fromShared: (env) => portOfBootstrap(env.KAFKA_BOOTSTRAP_SERVERS),
    fallback: DEFAULT_PORTS.kafka,
  },
  kafkaController: {
    flag: 'kafkaControllerPort',
    option: '--kafka-controller-port',
    env: 'INFRA_KAFKA_CONTROLLER_PORT',
    fallback: DEFAULT_PORTS.kafkaController,
  },
  registry: {
    flag: 'registryPort',
    option: '--registry-port',
    env: 'INFRA_REGISTRY_PORT',
    fromShared: (env) => portOfUrl(env.SCHEMA_REGISTRY_URL),
    fallback: DEFAULT_PORTS.registry,
  },
  registryManagement: {
    flag: 'registryManagementPort',
    option: '--registry-management-port',
    env: 'INFRA_REGISTRY_MANAGEMENT_PORT',
    fallback: DEFAULT_REGISTRY_MANAGEMENT_PORT,
  },
  postgres: {
    flag: 'postgresPort',
    option: '--postgres-port',
    env: 'INFRA_POSTGRES_PORT',
    fromShared: (env) => portOfUrl(env.DATABASE_URL),
    fallback: DEFAULT_PORTS.postgres,
  },
};

/** Resolves ports and directories: flags > INFRA_* variables > the shared variables > defaults. */
export function resolveInfraConfig(
  flags: InfraFlags = {},
  env: NodeJS.ProcessEnv = process.env,
): InfraConfig {
  const ports = {} as Record<PortKey, number>;
  for (const key of Object.keys(PORT_SOURCES) as PortKey[]) {
    const src = PORT_SOURCES[key];
    const flagValue = flags[src.flag];
    if (flagValue !== undefined) ports[key] = parsePort(flagValue, src.option);
    else if (env[src.env]) ports[key] = parsePort(env[src.env]!, src.env);
    else {
      const shared = src.fromShared?.(env);
      ports[key] = shared === undefined ? src.fallback : parsePort(shared, sharedName(key));
    }
  }
  assertDistinct(ports);
  return {
    ports,
    dataDir: path.resolve(flags.dataDir ?? env.INFRA_DATA_DIR ?? path.join(REPO_ROOT, '.data', 'infra')),
    cacheDir: path.resolve(flags.cacheDir ?? env.INFRA_CACHE_DIR ?? defaultCacheDir(env)),
    repoRoot: REPO_ROOT,
    readyTimeoutMs: parseSeconds(flags.timeout ?? env.INFRA_READY_TIMEOUT ?? '240', '--timeout') * 1000,
    stopTimeoutMs: parseSeconds(flags.stopTimeout ?? env.INFRA_STOP_TIMEOUT ?? '30', '--stop-timeout') * 1000,
  };
}

/** The connection settings `up` prints, in the shape integration tests read. */
export function settingsOf(config: InfraConfig): ServiceSettings {
  return {
    kafkaBootstrap: `${HOST}:${config.ports.kafka}`,
    schemaRegistryUrl: `http://${HOST}:${config.ports.registry}/apis/ccompat/v7`,
    databaseUrl: `postgres://postgres@${HOST}:${config.ports.postgres}/postgres`,
  };
}

/** `export NAME=value` lines for a shell (`eval "$(npm run -s infra -- env)"`). */
export function exportLines(settings: ServiceSettings): string[] {
  return [
    `export KAFKA_BOOTSTRAP_SERVERS=${settings.kafkaBootstrap}`,
    `export SCHEMA_REGISTRY_URL=${settings.schemaRegistryUrl}`,
    `export DATABASE_URL=${settings.databaseUrl}`,
  ];
}

export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'fraud-pipeline', 'infra');
}

function parsePort(value: string, key: string): number {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new ConfigError(key, `${key} must be a TCP port (1-65535), got "${value}"`);
  }
  return n;
}

function parseSeconds(value: string, key: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigError(key, `${key} must be a positive number of seconds, got "${value}"`);
  return n;
}

function assertDistinct(ports: Record<PortKey, number>): void {
  const seen = new Map<number, PortKey>();
  for (const [key, port] of Object.entries(ports) as [PortKey, number][]) {
    const other = seen.get(port);
    if (other !== undefined) {
      throw new ConfigError(
        PORT_SOURCES[key].option,
        `${other} and ${key} would both listen on port ${port}`,
        {
          hint: `give one of them another port (${PORT_SOURCES[other].option} / ${PORT_SOURCES[key].option})`,
        },
      );
    }
    seen.set(port, key);
  }
}

function sharedName(key: PortKey): string {
  return key === 'kafka'
    ? 'KAFKA_BOOTSTRAP_SERVERS'
    : key === 'registry'
      ? 'SCHEMA_REGISTRY_URL'
      : 'DATABASE_URL';
}

/** Port of the first `host:port` in a bootstrap list. */
function portOfBootstrap(value: string | undefined): string | undefined {
  const first = value?.split(',')[0]?.trim();
  if (!first) return undefined;
  const colon = first.lastIndexOf(':');
  return colon < 0 ? undefined : first.slice(colon + 1);
}

function portOfUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).port || undefined;
  } catch {
    return undefined;
  }
}
