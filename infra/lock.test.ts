import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeFailure } from '../common/errors.ts';
import { withLock } from './lock.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lock-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('withLock', () => {
  it('runs callers one at a time and releases the lock', async () => {
    const events: string[] = [];
    let releaseFirst!: () => void;
    const first = withLock(dir, 10_000, async () => {
      events.push('first in');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      events.push('first out');
    });
    const second = withLock(dir, 10_000, async () => {
      events.push('second in');
    });
    // The second caller polls; let the first finish only once it is inside.
    while (!events.includes('first in')) await new Promise((r) => setImmediate(r));
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
    expect(fs.existsSync(path.join(dir, 'infra.lock'))).toBe(false);
  });

  it('takes over a lock whose owner is gone', async () => {
    const child = spawn('true');
    await new Promise((resolve) => child.on('exit', resolve));
    fs.writeFileSync(path.join(dir, 'infra.lock'), `${child.pid}\n`);
    expect(await withLock(dir, 10_000, async () => 'ran')).toBe('ran');
  });

  it('gives up with the owner named when a live process keeps it', async () => {
    fs.writeFileSync(path.join(dir, 'infra.lock'), `${process.ppid}\n`);
    const err = await withLock(dir, 300, async () => 'ran').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuntimeFailure);
    expect((err as Error).message).toContain(`pid ${process.ppid}`);
  });
});
