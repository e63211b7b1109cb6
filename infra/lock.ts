import fs from 'node:fs';
import path from 'node:path';
import { RuntimeFailure } from '../common/errors.ts';
import { isAlive } from './pid-file.ts';
import { pollUntil } from '../common/poll.ts';

/**
 * Serialises `up` and `down` on one data directory: several people (or test runs) share a
 * checkout, and two `up`s at once would both find nothing running and race for the ports.
 * The lock is a file created exclusively, holding the owner's pid; a lock whose owner died is
 * taken over.
 */
export async function withLock<T>(dataDir: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  const file = path.join(dataDir, 'infra.lock');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    await pollUntil(async () => (tryAcquire(file) ? true : undefined), { timeoutMs, intervalMs: 200 });
  } catch {
    throw new RuntimeFailure(`another \`npm run infra\` (pid ${ownerOf(file) ?? '?'}) holds ${file}`, {
      hint: 'wait for it to finish; if no such process exists, delete the lock file',
    });
  }
  try {
    return await fn();
  } finally {
    if (ownerOf(file) === process.pid) fs.rmSync(file, { force: true });
  }
}

function tryAcquire(file: string): boolean {
  try {
    fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const owner = ownerOf(file);
  if (owner === undefined || !isAlive(owner)) {
    // Stale: its owner is gone. Remove and let the next attempt compete for it.
    fs.rmSync(file, { force: true });
  }
  return false;
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
