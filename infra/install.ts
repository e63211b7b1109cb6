import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RuntimeFailure } from '../common/errors.ts';

/** Progress goes to stderr, so stdout carries only the connection settings. */
export type Progress = (line: string) => void;

export const stderrProgress: Progress = (line) => process.stderr.write(`infra: ${line}\n`);

/** Short content hash of the inputs an install depends on (versions, pom text): its cache key. */
export function cacheKey(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 12);
}

const COMPLETE = '.complete';

/**
 * Returns `dir`, building it first if it is not complete yet. The build writes into a
 * temporary sibling that is renamed into place only when it succeeded, so an interrupted
 * install is never mistaken for a finished one.
 */
export async function ensureCached(
  dir: string,
  label: string,
  build: (tmpDir: string) => Promise<void>,
  progress: Progress,
): Promise<string> {
  if (fs.existsSync(path.join(dir, COMPLETE))) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const started = Date.now();
  progress(`installing ${label} into ${dir} (first time only)`);
  try {
    await build(tmp);
    fs.writeFileSync(path.join(tmp, COMPLETE), `${new Date().toISOString()}\n`);
    if (fs.existsSync(path.join(dir, COMPLETE))) {
      // Another checkout installed the same thing meanwhile: keep theirs, it may be in use.
      fs.rmSync(tmp, { recursive: true, force: true });
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(tmp, dir);
    }
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  progress(`installed ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

/** Runs an install step with its output on our stderr (Maven/apt/pip print their own progress). */
export async function runStep(
  label: string,
  command: string,
  args: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<void> {
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 2, 2], env: env ?? process.env });
    child.on('error', (err) => resolve(err.message));
    child.on('exit', (status, signal) => resolve(status ?? signal ?? 1));
  });
  if (code !== 0) {
    throw new RuntimeFailure(
      `${label} failed (${typeof code === 'number' ? `exit ${code}` : code}): ${command} ${args.join(' ')}`,
      {
        hint: 'its output is above; re-run `npm run infra -- up` once the cause is fixed',
      },
    );
  }
}
