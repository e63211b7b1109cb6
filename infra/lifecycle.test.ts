import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeFailure, ServiceUnavailableError } from '../common/errors.ts';
import { resolveInfraConfig, type InfraConfig } from './config.ts';
import { down, status, up } from './lifecycle.ts';
import { isAlive, readPidFile, writePidFile } from './pid-file.ts';
import { servicePaths, type InfraService, type ServiceName } from './service.ts';

/**
 * Stand-ins for the real services: a shell process, "ready" once it has written its ready file
 * (`tail -f` on that file keeps the service directory, the pid-file marker, in its argv).
 * The lifecycle (pid files, idempotency, roll-back, stale pids, busy ports) is the same code.
 */
function fake(name: ServiceName, script: string, ports: number[] = []): InfraService {
  return {
    name,
    title: `fake ${name}`,
    stopSignal: 'SIGTERM',
    ports: () => ports,
    address: () => `fake://${name}`,
    install: async () => {},
    prepare: async (config) => {
      const dir = servicePaths(config, name).dir;
      fs.mkdirSync(dir, { recursive: true });
      // $0 is the service directory: the marker `up` records in the pid file.
      return { command: 'sh', args: ['-c', script, dir], cwd: dir };
    },
    probe: async (config) => fs.existsSync(path.join(servicePaths(config, name).dir, 'ready')),
  };
}

const healthy = (name: ServiceName, ports?: number[]) =>
  fake(name, 'touch "$0/ready"; exec tail -f "$0/ready"', ports);
const silent = () => {};

let root: string;
let config: InfraConfig;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-life-'));
  config = resolveInfraConfig(
    { dataDir: root, cacheDir: path.join(root, 'cache'), timeout: '20', stopTimeout: '10' },
    {},
  );
});
afterEach(async () => {
  await down(config, [healthy('postgres'), healthy('kafka'), healthy('registry')]);
  fs.rmSync(root, { recursive: true, force: true });
});

describe('up / status / down', () => {
  it('starts, reports ready, is idempotent, and stops exactly what it started', async () => {
    const services = [healthy('postgres'), healthy('kafka')];
    const first = await up(config, silent, services);
    expect(first.map((r) => r.outcome)).toEqual(['started', 'started']);
    const pids = first.map((r) => r.pid!);
    expect(pids.every(isAlive)).toBe(true);
    expect(readPidFile(servicePaths(config, 'kafka').pidFile)?.pid).toBe(pids[1]);

    const second = await up(config, silent, services);
    expect(second.map((r) => [r.outcome, r.pid])).toEqual([
      ['already-running', pids[0]],
      ['already-running', pids[1]],
    ]);
    expect((await status(config, services)).map((r) => r.state)).toEqual(['ready', 'ready']);

    const stopped = await down(config, services);
    expect(stopped.map((r) => r.outcome)).toEqual(['exited', 'exited']);
    expect(pids.some(isAlive)).toBe(false);
    expect(fs.existsSync(servicePaths(config, 'kafka').pidFile)).toBe(false);
    expect((await status(config, services)).map((r) => r.state)).toEqual(['stopped', 'stopped']);
    expect((await down(config, services)).map((r) => r.outcome)).toEqual(['not-running', 'not-running']);
  });

  it('names the service that died during start-up, points at its log, and rolls back the others', async () => {
    const services = [healthy('postgres'), fake('kafka', 'echo "broker exploded"; exit 3')];
    const results = await up(config, silent, services);
    expect(results.map((r) => r.outcome)).toEqual(['rolled-back', 'failed']);
    const error = results[1]!.error!;
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toMatch(/^kafka: the process \(pid \d+\) exited during start-up/);
    expect(error.hint).toContain(servicePaths(config, 'kafka').logFile);
    expect(error.hint).toContain('broker exploded');
    // postgres was started by this call and stopped again: nothing is left half-running.
    expect(isAlive(results[0]!.pid ?? -1)).toBe(false);
    expect(fs.existsSync(servicePaths(config, 'postgres').pidFile)).toBe(false);
  });

  it('rolls back what it started when a later service cannot even be installed', async () => {
    const broken: InfraService = {
      ...healthy('registry'),
      install: async () => {
        throw new RuntimeFailure('mvn dependency:copy-dependencies (Apicurio Registry) failed (exit 1)');
      },
    };
    const results = await up(config, silent, [healthy('postgres'), healthy('kafka'), broken]);
    expect(results.map((r) => r.outcome)).toEqual(['rolled-back', 'rolled-back', 'failed']);
    expect(results[2]?.error?.message).toMatch(/Apicurio Registry\) failed/);
    expect(results.slice(0, 2).some((r) => isAlive(r.pid!))).toBe(false);
  });

  it('treats a pid file of a dead process as stale', async () => {
    const file = servicePaths(config, 'registry').pidFile;
    const record = {
      service: 'registry',
      pid: 2 ** 22 + 17,
      ports: [],
      startedAt: '',
      marker: root,
      logFile: '',
    };
    writePidFile(file, record);
    expect((await status(config, [healthy('registry')]))[0]?.state).toBe('stale-pid-file');
    expect((await down(config, [healthy('registry')]))[0]?.outcome).toBe('stale-pid-file');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses to start on a port another process holds', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const [result] = await up(config, silent, [healthy('postgres', [port])]);
      expect(result?.outcome).toBe('failed');
      expect(result?.error).toBeInstanceOf(RuntimeFailure);
      expect(result?.error?.message).toBe(
        `postgres: port ${port} on 127.0.0.1 is already in use by another process`,
      );
    } finally {
      server.close();
    }
  });

  it('refuses to report a running service as started on other ports', async () => {
    await up(config, silent, [healthy('postgres', [])]);
    const [result] = await up(config, silent, [healthy('postgres', [65000])]);
    expect(result?.outcome).toBe('failed');
    expect(result?.error?.exitCode).toBe(2);
  });
});
