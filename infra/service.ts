import path from 'node:path';
import type { InfraConfig } from './config.ts';
import type { Progress } from './install.ts';
import type { SpawnSpec } from './process.ts';

export type ServiceName = 'postgres' | 'kafka' | 'registry';

/** One server `npm run infra` manages. Each lives in its own file (postgres.ts, kafka.ts, registry.ts). */
export interface InfraService {
  readonly name: ServiceName;
  /** What it is, for messages: "Kafka 3.9.2". */
  readonly title: string;
  ports(config: InfraConfig): number[];
  /** Where clients connect, for messages. */
  address(config: InfraConfig): string;
  /** Installs into the cache if needed (idempotent, cached). */
  install(config: InfraConfig, progress: Progress): Promise<void>;
  /** Writes config, formats storage / initialises the cluster; returns how to start it. */
  prepare(config: InfraConfig, progress: Progress): Promise<SpawnSpec>;
  /** Signal for a clean, prompt shutdown. */
  readonly stopSignal: NodeJS.Signals;
  /** One readiness probe: resolves true when the service answers a real request. */
  probe(config: InfraConfig): Promise<boolean>;
}

export interface ServicePaths {
  readonly dir: string;
  readonly logFile: string;
  readonly pidFile: string;
}

export function servicePaths(config: InfraConfig, name: ServiceName): ServicePaths {
  const dir = path.join(config.dataDir, name);
  return { dir, logFile: path.join(dir, `${name}.log`), pidFile: path.join(config.dataDir, `${name}.pid`) };
}
