import fs from 'node:fs';
import path from 'node:path';

/** What `up` records for each process it starts, so `down` stops exactly that process. */
export interface PidRecord {
  readonly service: string;
  readonly pid: number;
  readonly ports: readonly number[];
  readonly startedAt: string;
  /** A string in the process's command line; guards against a recycled pid. */
  readonly marker: string;
  readonly logFile: string;
}

export function writePidFile(file: string, record: PidRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** The record, or undefined when there is no pid file or it is unreadable (treated as stale). */
export function readPidFile(file: string): PidRecord | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const value = JSON.parse(text) as Partial<PidRecord>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return undefined;
    if (typeof value.service !== 'string' || typeof value.marker !== 'string') return undefined;
    return {
      service: value.service,
      pid: value.pid,
      ports: Array.isArray(value.ports) ? value.ports.filter((p) => typeof p === 'number') : [],
      startedAt: String(value.startedAt ?? ''),
      marker: value.marker,
      logFile: String(value.logFile ?? ''),
    };
  } catch {
    return undefined;
  }
}

export function removePidFile(file: string): void {
  fs.rmSync(file, { force: true });
}

/** True while the pid names a live (not zombie) process. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = readProc(pid, 'stat');
  // Field 3 of /proc/<pid>/stat is the state; Z = zombie, X = dead. The command name (field 2)
  // is in parentheses and may contain spaces, so read after the last ')'.
  if (stat !== undefined) {
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  }
  return true;
}

/** True when the recorded process is alive and still the one we started (its marker matches). */
export function isOurs(record: PidRecord): boolean {
  if (!isAlive(record.pid)) return false;
  const cmdline = readProc(record.pid, 'cmdline');
  // Without /proc (not Linux) the pid check is all we have.
  return cmdline === undefined || cmdline.split('\0').some((arg) => arg.includes(record.marker));
}

function readProc(pid: number, name: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return undefined;
  }
}
