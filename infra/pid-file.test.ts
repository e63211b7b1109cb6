import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAlive, isOurs, readPidFile, removePidFile, writePidFile, type PidRecord } from './pid-file.ts';
import { pollUntil } from '../common/poll.ts';
import { spawnDetached, stopProcess } from './process.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-pid-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const record = (pid: number, marker: string): PidRecord => ({
  service: 'kafka',
  pid,
  ports: [19092, 19093],
  startedAt: '2026-01-01T00:00:00.000Z',
  marker,
  logFile: '/x/kafka.log',
});

describe('pid files', () => {
  it('round-trips a record and removes it', () => {
    const file = path.join(dir, 'sub', 'kafka.pid');
    writePidFile(file, record(1234, '/data/kafka'));
    expect(readPidFile(file)).toEqual(record(1234, '/data/kafka'));
    removePidFile(file);
    expect(readPidFile(file)).toBeUndefined();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('treats a missing or corrupt pid file as no record', () => {
    expect(readPidFile(path.join(dir, 'none.pid'))).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'bad.pid'), 'not json');
    expect(readPidFile(path.join(dir, 'bad.pid'))).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'neg.pid'), JSON.stringify({ ...record(1, 'm'), pid: -5 }));
    expect(readPidFile(path.join(dir, 'neg.pid'))).toBeUndefined();
  });

  it('recognises our live process by its marker, and not a recycled pid', async () => {
    const marker = `infra-marker-${process.pid}`;
    const pid = spawnDetached(
      { command: 'sh', args: ['-c', `sleep 60; : ${marker}`], cwd: dir },
      path.join(dir, 'm.log'),
    );
    try {
      expect(isOurs(record(pid, marker))).toBe(true);
      expect(isOurs(record(pid, `no-such-marker-${process.pid}`))).toBe(false);
    } finally {
      await stopProcess(pid, 'SIGKILL', 5000);
    }
  });

  it('sees an exited process as not alive', async () => {
    const child = spawn('true');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(isAlive(child.pid!)).toBe(false);
    expect(isOurs(record(child.pid!, 'true'))).toBe(false);
  });
});

describe('spawnDetached / stopProcess', () => {
  it('starts a process with output in its log file and stops it with the given signal', async () => {
    const log = path.join(dir, 'logs', 'svc.log');
    const pid = spawnDetached({ command: 'sh', args: ['-c', 'echo started; exec sleep 60'], cwd: dir }, log);
    expect(isAlive(pid)).toBe(true);
    await pollUntil(async () => (fs.readFileSync(log, 'utf8').includes('started') ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    expect(await stopProcess(pid, 'SIGTERM', 10_000)).toBe('exited');
    expect(isAlive(pid)).toBe(false);
    expect(await stopProcess(pid, 'SIGTERM', 10_000)).toBe('not-running');
  });

  it('escalates to SIGKILL when the process ignores the signal', async () => {
    const log = path.join(dir, 'stubborn.log');
    const pid = spawnDetached(
      { command: 'sh', args: ['-c', "trap '' TERM; echo armed; exec sleep 60"], cwd: dir },
      log,
    );
    // Wait until the trap is installed, or SIGTERM could arrive first and end it normally.
    await pollUntil(async () => (fs.readFileSync(log, 'utf8').includes('armed') ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    expect(await stopProcess(pid, 'SIGTERM', 200)).toBe('killed');
    expect(isAlive(pid)).toBe(false);
  });
});
