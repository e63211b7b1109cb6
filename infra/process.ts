import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RuntimeFailure } from '../common/errors.ts';
import { isAlive } from './pid-file.ts';
import { pollUntil } from '../common/poll.ts';

export interface SpawnSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Run as this user (postgres refuses to run as root). */
  readonly uid?: number;
  readonly gid?: number;
  /** A string in the command line identifying this instance (default: the service directory). */
  readonly marker?: string;
}

/**
 * Starts a long-running server detached from this process (own process group, output appended
 * to its log file), so it outlives the CLI. Returns its pid.
 */
export function spawnDetached(spec: SpawnSpec, logFile: string): number {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
      ...(spec.uid === undefined ? {} : { uid: spec.uid }),
      ...(spec.gid === undefined ? {} : { gid: spec.gid }),
    });
    child.on('error', () => {}); // reported below through the missing pid
    if (child.pid === undefined) {
      throw new RuntimeFailure(`could not start ${spec.command}`, {
        hint: `is it installed? see ${logFile}`,
      });
    }
    child.unref();
    return child.pid;
  } finally {
    fs.closeSync(fd);
  }
}

export type StopOutcome = 'exited' | 'killed' | 'not-running';

/**
 * Sends `signal`, polls until the process is gone, and escalates to SIGKILL after `timeoutMs`.
 * Throws only if the process survives SIGKILL too.
 */
export async function stopProcess(
  pid: number,
  signal: NodeJS.Signals,
  timeoutMs: number,
): Promise<StopOutcome> {
  if (!isAlive(pid)) return 'not-running';
  if (!sendSignal(pid, signal)) return 'not-running';
  const gone = await pollUntil(async () => (isAlive(pid) ? undefined : true), {
    timeoutMs,
    intervalMs: 100,
  }).catch(() => false);
  if (gone) return 'exited';
  sendSignal(pid, 'SIGKILL');
  const killed = await pollUntil(async () => (isAlive(pid) ? undefined : true), {
    timeoutMs: 10_000,
    intervalMs: 100,
  }).catch(() => false);
  if (!killed) throw new RuntimeFailure(`process ${pid} did not exit even after SIGKILL`);
  return 'killed';
}

function sendSignal(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}
