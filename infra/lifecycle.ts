import fs from 'node:fs';
import net from 'node:net';
import { PipelineError, RuntimeFailure, ServiceUnavailableError, UsageError } from '../common/errors.ts';
import { HOST, type InfraConfig } from './config.ts';
import type { Progress } from './install.ts';
import { kafkaService } from './kafka.ts';
import { isAlive, isOurs, readPidFile, removePidFile, writePidFile, type PidRecord } from './pid-file.ts';
import { PollTimeout, pollUntil } from '../common/poll.ts';
import { postgresService } from './postgres.ts';
import { spawnDetached, stopProcess, type StopOutcome } from './process.ts';
import { registryService } from './registry.ts';
import { servicePaths, type InfraService } from './service.ts';

/** Start order; `down` stops in reverse. */
export const SERVICES: readonly InfraService[] = [postgresService, kafkaService, registryService];

/** `rolled-back`: started by this call, then stopped again because another service failed. */
export type UpOutcome = 'started' | 'already-running' | 'failed' | 'rolled-back' | 'not-run';

export interface UpResult {
  readonly service: InfraService;
  readonly outcome: UpOutcome;
  readonly pid?: number;
  readonly error?: PipelineError;
}

/**
 * Installs what is missing, starts every service that is not running, and waits until each
 * answers a real request. If any fails, the ones this call started are stopped again, so a
 * failed `up` leaves nothing half-running. Returns one result per service; never throws halfway.
 */
export async function up(
  config: InfraConfig,
  progress: Progress,
  services: readonly InfraService[] = SERVICES,
): Promise<UpResult[]> {
  const results = new Map<InfraService, UpResult>();
  const toStart: InfraService[] = [];
  for (const service of services) {
    const record = liveRecord(config, service);
    if (!record) toStart.push(service);
    else if (record.ports.join(',') !== service.ports(config).join(',')) {
      const error = new UsageError(
        `${service.name} is already running on port(s) ${record.ports.join(', ')} (pid ${record.pid}), not on ${service.ports(config).join(', ')}`,
        { hint: 'run `npm run infra -- down` first, or ask for the ports it runs on' },
      );
      results.set(service, { service, outcome: 'failed', pid: record.pid, error });
    } else results.set(service, { service, outcome: 'already-running', pid: record.pid });
  }

  const started: { service: InfraService; record: PidRecord }[] = [];
  for (const service of [...results.values()].some((r) => r.outcome === 'failed') ? [] : toStart) {
    try {
      await assertPortsFree(config, service);
      await service.install(config, progress);
      const spec = await service.prepare(config, progress);
      const paths = servicePaths(config, service.name);
      fs.appendFileSync(
        paths.logFile,
        `\n==== ${new Date().toISOString()} npm run infra -- up: starting ${service.title}\n`,
      );
      const pid = spawnDetached(spec, paths.logFile);
      const record: PidRecord = {
        service: service.name,
        pid,
        ports: service.ports(config),
        startedAt: new Date().toISOString(),
        marker: spec.marker ?? paths.dir, // in the argv: config path, -D flag or data dir
        logFile: paths.logFile,
      };
      writePidFile(paths.pidFile, record);
      started.push({ service, record });
      progress(`started ${service.title} (pid ${pid}), log ${paths.logFile}`);
    } catch (err) {
      results.set(service, { service, outcome: 'failed', error: asServiceError(config, service, err) });
      break;
    }
  }

  // JVM start-up dominates; wait for all started services in parallel (unless one already failed).
  const failedEarly = [...results.values()].some((r) => r.outcome === 'failed');
  await Promise.all(
    (failedEarly ? [] : started).map(async ({ service, record }) => {
      try {
        await waitReady(config, service, record);
        results.set(service, { service, outcome: 'started', pid: record.pid });
        progress(`${service.name} ready at ${service.address(config)}`);
      } catch (err) {
        results.set(service, {
          service,
          outcome: 'failed',
          pid: record.pid,
          error: asServiceError(config, service, err),
        });
      }
    }),
  );

  const failed = [...results.values()].some((r) => r.outcome === 'failed');
  if (failed) {
    for (const { service, record } of [...started].reverse()) {
      progress(`stopping ${service.name} again (pid ${record.pid}) because start-up failed`);
      await stopRecorded(config, service, record).catch(() => {});
    }
  }
  return services.map((service) => {
    const r = results.get(service);
    const wasStarted = started.find((s) => s.service === service);
    if (failed && wasStarted && r?.outcome !== 'failed') {
      return { service, outcome: 'rolled-back' as const, pid: wasStarted.record.pid };
    }
    return r ?? { service, outcome: 'not-run' as const };
  });
}

export interface DownResult {
  readonly service: InfraService;
  readonly outcome: StopOutcome | 'stale-pid-file';
  readonly pid?: number;
  readonly error?: PipelineError;
}

/** Stops exactly what `up` started (by pid file), newest service first. */
export async function down(
  config: InfraConfig,
  services: readonly InfraService[] = SERVICES,
): Promise<DownResult[]> {
  const results: DownResult[] = [];
  for (const service of [...services].reverse()) {
    const paths = servicePaths(config, service.name);
    const record = readPidFile(paths.pidFile);
    if (!record) {
      results.push({ service, outcome: 'not-running' });
      continue;
    }
    if (!isOurs(record)) {
      removePidFile(paths.pidFile);
      results.push({ service, outcome: 'stale-pid-file', pid: record.pid });
      continue;
    }
    try {
      results.push({ service, outcome: await stopRecorded(config, service, record), pid: record.pid });
    } catch (err) {
      results.push({
        service,
        outcome: 'not-running',
        pid: record.pid,
        error: asServiceError(config, service, err),
      });
    }
  }
  return results.reverse();
}

export type ServiceState = 'ready' | 'not-ready' | 'stopped' | 'stale-pid-file';

export interface StatusResult {
  readonly service: InfraService;
  readonly state: ServiceState;
  readonly pid?: number;
  readonly ports: readonly number[];
  readonly logFile: string;
}

/** What runs: per service its pid, ports and whether it answers a real request now. */
export async function status(
  config: InfraConfig,
  services: readonly InfraService[] = SERVICES,
): Promise<StatusResult[]> {
  return Promise.all(
    services.map(async (service) => {
      const paths = servicePaths(config, service.name);
      const record = readPidFile(paths.pidFile);
      const base = { service, ports: record?.ports ?? service.ports(config), logFile: paths.logFile };
      if (!record) return { ...base, state: 'stopped' as const };
      if (!isOurs(record)) return { ...base, state: 'stale-pid-file' as const, pid: record.pid };
      const ready = await service.probe(config).catch(() => false);
      return { ...base, state: ready ? ('ready' as const) : ('not-ready' as const), pid: record.pid };
    }),
  );
}

/** A running record's pid, or undefined (a stale pid file is removed). */
function liveRecord(config: InfraConfig, service: InfraService): PidRecord | undefined {
  const paths = servicePaths(config, service.name);
  const record = readPidFile(paths.pidFile);
  if (record && isOurs(record)) return record;
  if (record || fs.existsSync(paths.pidFile)) removePidFile(paths.pidFile);
  return undefined;
}

async function waitReady(config: InfraConfig, service: InfraService, record: PidRecord): Promise<void> {
  try {
    await pollUntil(async () => ((await service.probe(config)) ? true : undefined), {
      timeoutMs: config.readyTimeoutMs,
      intervalMs: 500,
      abortIf: () =>
        isAlive(record.pid) ? undefined : `the process (pid ${record.pid}) exited during start-up`,
    });
  } catch (err) {
    if (err instanceof PollTimeout) {
      throw new ServiceUnavailableError(
        service.name,
        service.address(config),
        `${service.name}: ${err.message}`,
        {
          hint: `see its log: ${record.logFile}${logTail(record.logFile)}`,
        },
      );
    }
    throw err;
  }
}

async function stopRecorded(
  config: InfraConfig,
  service: InfraService,
  record: PidRecord,
): Promise<StopOutcome> {
  const outcome = await stopProcess(record.pid, service.stopSignal, config.stopTimeoutMs);
  removePidFile(servicePaths(config, service.name).pidFile);
  return outcome;
}

/** Fails before starting anything when another process already listens on one of our ports. */
async function assertPortsFree(config: InfraConfig, service: InfraService): Promise<void> {
  for (const port of service.ports(config)) {
    if (!(await portIsFree(port))) {
      throw new RuntimeFailure(
        `${service.name}: port ${port} on ${HOST} is already in use by another process`,
        {
          hint: 'stop that process, or choose other ports (see `npm run infra -- up --help`)',
        },
      );
    }
  }
}

export function portIsFree(port: number, host = HOST): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function asServiceError(config: InfraConfig, service: InfraService, err: unknown): PipelineError {
  if (err instanceof PipelineError) return err;
  const logFile = servicePaths(config, service.name).logFile;
  const message = err instanceof Error ? err.message : String(err);
  return new ServiceUnavailableError(service.name, service.address(config), `${service.name}: ${message}`, {
    hint: `see its log: ${logFile}`,
    cause: err,
  });
}

function logTail(logFile: string, lines = 5): string {
  try {
    const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines);
    return `\n  last lines:\n    ${tail.join('\n    ')}`;
  } catch {
    return '';
  }
}
