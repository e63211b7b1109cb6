import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../common/errors.ts';

/**
 * `npm run generate --rate 10000` (without `--`) does not pass `--rate` to the script: npm 11
 * takes it as an npm config key, sets `npm_config_rate=true` in the environment and passes
 * `10000` as a plain positional argument (warning `"10000" is being parsed as a normal command
 * line argument`). `--rate=10000` sets `npm_config_rate=10000`; `--no-x` sets `npm_config_x=`
 * (empty). Verified with npm 11.19.1.
 *
 * When values were split off, the environment (unordered) cannot say which positional belongs
 * to which flag, and npm overwrites its own /proc cmdline with its title (`npm run generate
 * 10000`). npm's debug log of this very run (`<cache>/_logs/*-debug-0.log`, written as it
 * starts) does hold the exact argv (`verbose argv "run" "generate" "--rate" "10000"`), so we
 * pair each `--flag` with the word after it there. Without that log (logs-max=0), each flag is
 * paired with the only positional its parser accepts, if that is unambiguous; otherwise it is
 * a usage error with the hint to write `--rate=10000` or `npm run generate -- --rate 10000`.
 */
export interface NpmConfigResult {
  /** Values by flag name (without dashes), as strings ('' and 'true' for booleans). */
  readonly values: Map<string, string>;
  /** Positionals not consumed as flag values. */
  readonly rest: string[];
}

export interface NpmFlag {
  readonly name: string;
  readonly boolean: boolean;
  /** Whether `raw` is a valid value for this flag (for the fallback pairing). */
  readonly accepts?: (raw: string) => boolean;
}

export function fromNpmConfig(
  env: NodeJS.ProcessEnv,
  positionals: readonly string[],
  flags: readonly NpmFlag[],
  npmArgv: () => string[] | undefined = () => readNpmArgv(env, positionals),
): NpmConfigResult {
  const values = new Map<string, string>();
  const rest = [...positionals];
  const split: NpmFlag[] = [];
  for (const flag of flags) {
    const v = env[`npm_config_${flag.name.replace(/-/g, '_')}`];
    if (v === undefined) continue;
    if (flag.boolean || v !== 'true') values.set(flag.name, v);
    else split.push(flag);
  }
  if (split.length === 0) return { values, rest };
  const argv = npmArgv();
  const unresolved: NpmFlag[] = [];
  for (const flag of split) {
    const i = argv?.indexOf(`--${flag.name}`) ?? -1;
    const value = i >= 0 ? argv?.[i + 1] : undefined;
    if (value !== undefined && rest.includes(value)) {
      values.set(flag.name, value);
      rest.splice(rest.indexOf(value), 1);
    } else {
      unresolved.push(flag);
    }
  }
  // Fallback: pair by what each flag accepts, only when there is exactly one way to do it.
  let progress = true;
  while (unresolved.length > 0 && progress) {
    progress = false;
    for (const flag of [...unresolved]) {
      const candidates = [...new Set(rest.filter((r) => flag.accepts?.(r) ?? false))];
      const rivals = unresolved.filter((f) => f !== flag && candidates.some((c) => f.accepts?.(c)));
      if (candidates.length === 1 && rivals.length === 0) {
        const value = candidates[0] as string;
        values.set(flag.name, value);
        rest.splice(rest.indexOf(value), 1);
        unresolved.splice(unresolved.indexOf(flag), 1);
        progress = true;
      }
    }
  }
  const first = unresolved[0];
  if (first) {
    throw new UsageError(
      `cannot tell which argument is the value of --${first.name} (npm took --${first.name} as its own config)`,
      {
        hint: `write --${first.name}=VALUE, or put -- before the flags: npm run generate -- --${first.name} VALUE`,
      },
    );
  }
  return { values, rest };
}

/**
 * The argv of the npm run that started us, from npm's debug log: the newest log (of the last
 * few minutes) whose argv is a `run` of our npm script and holds our positionals in order.
 */
export function readNpmArgv(env: NodeJS.ProcessEnv, positionals: readonly string[]): string[] | undefined {
  const dir =
    env.npm_config_logs_dir || (env.npm_config_cache ? join(env.npm_config_cache, '_logs') : undefined);
  if (!dir) return undefined;
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('-debug-0.log'))
      .sort()
      .reverse()
      .slice(0, 5);
  } catch {
    return undefined;
  }
  for (const f of files) {
    try {
      const path = join(dir, f);
      if (Date.now() - statSync(path).mtimeMs > 300_000) continue;
      const line = readFileSync(path, 'utf8')
        .split('\n', 40)
        .find((l) => / verbose argv /.test(l));
      if (!line) continue;
      const argv = [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(
        (m) => JSON.parse(`"${m[1] ?? ''}"`) as string,
      );
      if (!argv.some((a) => ['run', 'run-script', 'rum', 'urn'].includes(a))) continue;
      if (env.npm_lifecycle_event && !argv.includes(env.npm_lifecycle_event)) continue;
      if (!isSubsequence(positionals, argv)) continue;
      return argv;
    } catch {
      continue;
    }
  }
  return undefined;
}

function isSubsequence(needles: readonly string[], hay: readonly string[]): boolean {
  let i = 0;
  for (const h of hay) if (i < needles.length && h === needles[i]) i++;
  return i === needles.length;
}
