import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeFailure } from '../common/errors.ts';
import { cacheKey, ensureCached, runStep } from './install.ts';

let root: string;
const lines: string[] = [];
const progress = (line: string) => void lines.push(line);
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-cache-'));
  lines.length = 0;
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('ensureCached', () => {
  it('builds once, then reuses the complete directory', async () => {
    const dir = path.join(root, 'thing-1');
    let builds = 0;
    const build = async (tmp: string) => {
      builds++;
      fs.writeFileSync(path.join(tmp, 'payload'), 'x');
    };
    expect(await ensureCached(dir, 'thing', build, progress)).toBe(dir);
    expect(await ensureCached(dir, 'thing', build, progress)).toBe(dir);
    expect(builds).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'payload'), 'utf8')).toBe('x');
    expect(lines[0]).toMatch(/^installing thing into /);
  });

  it('leaves nothing behind when the build fails, so the next run starts over', async () => {
    const dir = path.join(root, 'thing-2');
    const failing = async (tmp: string) => {
      fs.writeFileSync(path.join(tmp, 'half'), 'x');
      throw new RuntimeFailure('download failed');
    };
    await expect(ensureCached(dir, 'thing', failing, progress)).rejects.toThrow('download failed');
    expect(fs.readdirSync(root)).toEqual([]);
  });
});

describe('cacheKey', () => {
  it('changes with any input', () => {
    expect(cacheKey('3.9.2', '<pom/>')).toBe(cacheKey('3.9.2', '<pom/>'));
    expect(cacheKey('3.9.2', '<pom/>')).not.toBe(cacheKey('3.9.3', '<pom/>'));
    expect(cacheKey('a', 'bc')).not.toBe(cacheKey('ab', 'c'));
  });
});

describe('runStep', () => {
  it('names the step and the exit code when a command fails', async () => {
    await expect(runStep('probe step', 'sh', ['-c', 'exit 7'])).rejects.toThrow(
      /^probe step failed \(exit 7\)/,
    );
    await expect(runStep('missing tool', 'no-such-command-here', [])).rejects.toThrow(
      /^missing tool failed \(.*ENOENT/,
    );
    await expect(runStep('ok step', 'true', [])).resolves.toBeUndefined();
  });
});
