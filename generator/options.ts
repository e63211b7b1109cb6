import { UsageError } from '../common/errors.ts';
import { serviceSettings } from '../infra/settings.ts';
import { fromNpmConfig } from './npm-config.ts';
import { SCENARIO_NAMES, type ScenarioName } from './truth.ts';

/** Everything a `generate` run needs, resolved and validated. */
export interface GenerateOptions {
  /** Normal shopper orders per second. */
  readonly rate: number;
  /** Seconds of model time to generate; undefined = until --count or Ctrl-C. */
  readonly durationS: number | undefined;
  readonly count: number | undefined;
  readonly scenarios: readonly ScenarioName[];
  /** undefined = draw one at random (it is printed, so the run can be repeated). */
  readonly seed: string | undefined;
  readonly bootstrapServer: string;
  readonly schemaRegistry: string;
  readonly topic: string;
  /** Truth topic; '' = do not produce truth to Kafka. */
  readonly truthTopic: string;
  readonly truthFile: string | undefined;
  readonly out: string | undefined;
  readonly dryRun: boolean;
  readonly partitions: number;
  /** Model start time, epoch ms; undefined = the wall clock at start. */
  readonly startTime: number | undefined;
  /** realtime = hold --rate against the wall clock; none = as fast as the sink takes it. */
  readonly pace: 'realtime' | 'none';
}

type Parser = (raw: string, flag: string) => unknown;

interface OptionSpec {
  /** Flag name without dashes; also the npm config key (dashes as underscores). */
  readonly name: string;
  readonly key: keyof GenerateOptions;
  readonly env: string;
  readonly arg: string | undefined;
  readonly description: string;
  readonly parse: Parser;
  readonly fallback: (env: NodeJS.ProcessEnv) => string | undefined;
}

const bad = (flag: string, raw: string, expected: string) =>
  new UsageError(`invalid --${flag} "${raw}": expected ${expected}`, { hint: USAGE });

const positiveNumber =
  (max: number): Parser =>
  (raw, flag) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max)
      throw bad(flag, raw, `a number > 0 and <= ${max}`);
    return n;
  };
const positiveInt =
  (max: number): Parser =>
  (raw, flag) => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max)
      throw bad(flag, raw, `an integer from 1 to ${max}`);
    return n;
  };
const nonEmpty: Parser = (raw, flag) => {
  if (raw.trim() === '' || raw === 'true') throw bad(flag, raw, 'a non-empty value');
  return raw.trim();
};
const boolean: Parser = (raw, flag) => {
  const v = raw.trim().toLowerCase();
  if (['', 'false', '0', 'no'].includes(v)) return false;
  if (['true', '1', 'yes'].includes(v)) return true;
  throw bad(flag, raw, 'true or false');
};
const scenarios: Parser = (raw, flag) => {
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const all = names.includes('all') ? [...SCENARIO_NAMES] : names;
  if (all.length === 0) throw bad(flag, raw, `a comma-separated list of: ${SCENARIO_NAMES.join(', ')}, all`);
  for (const n of all) {
    if (!(SCENARIO_NAMES as readonly string[]).includes(n))
      throw bad(flag, raw, `scenarios among: ${SCENARIO_NAMES.join(', ')}, all`);
  }
  return [...new Set(all)];
};
const hostPorts: Parser = (raw, flag) => {
  const ok = raw.split(',').every((hp) => /^[A-Za-z0-9_.[\]:-]+:\d{1,5}$/.test(hp.trim()));
  if (!ok) throw bad(flag, raw, 'host:port[,host:port...]');
  return raw;
};
const httpUrl: Parser = (raw, flag) => {
  try {
    const u = new URL(raw);
    if (u.protocol === 'http:' || u.protocol === 'https:') return raw.replace(/\/+$/, '');
  } catch {
    // fall through
  }
  throw bad(flag, raw, 'an http(s) URL');
};
const topicName: Parser = (raw, flag) => {
  if (!/^[A-Za-z0-9._-]{1,249}$/.test(raw)) throw bad(flag, raw, 'a Kafka topic name ([A-Za-z0-9._-])');
  return raw;
};
const optionalTopic: Parser = (raw, flag) => (raw === '' || raw === 'none' ? '' : topicName(raw, flag));
const instant: Parser = (raw, flag) => {
  const n = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isSafeInteger(n) || n < 0 || n > 0xffffffffffff)
    throw bad(flag, raw, 'an ISO-8601 time (2026-01-01T00:00:00Z) or epoch milliseconds');
  return n;
};
const paceMode: Parser = (raw, flag) => {
  if (raw !== 'realtime' && raw !== 'none') throw bad(flag, raw, 'realtime or none');
  return raw;
};

const none = () => undefined;

/** The option table: flag, environment variable, default and parser of every option. */
export const OPTION_SPECS: readonly OptionSpec[] = [
  {
    name: 'rate',
    key: 'rate',
    env: 'GENERATOR_RATE',
    arg: '<n>',
    description: 'normal shopper orders per second (default 1000)',
    parse: positiveNumber(1_000_000),
    fallback: () => '1000',
  },
  {
    name: 'duration',
    key: 'durationS',
    env: 'GENERATOR_DURATION',
    arg: '<seconds>',
    description: 'seconds of event time to generate (default: until --count or Ctrl-C)',
    parse: positiveNumber(1e9),
    fallback: none,
  },
  {
    name: 'count',
    key: 'count',
    env: 'GENERATOR_COUNT',
    arg: '<n>',
    description: 'stop after this many records on the orders topic',
    parse: positiveInt(Number.MAX_SAFE_INTEGER),
    fallback: none,
  },
  {
    name: 'scenario',
    key: 'scenarios',
    env: 'GENERATOR_SCENARIO',
    arg: '<list>',
    description: `comma-separated: ${SCENARIO_NAMES.join(', ')}, or all (default baseline)`,
    parse: scenarios,
    fallback: () => 'baseline',
  },
  {
    name: 'seed',
    key: 'seed',
    env: 'GENERATOR_SEED',
    arg: '<seed>',
    description: 'makes the run reproducible (default: random, printed)',
    parse: nonEmpty,
    fallback: none,
  },
  {
    name: 'bootstrap-server',
    key: 'bootstrapServer',
    env: 'KAFKA_BOOTSTRAP_SERVERS',
    arg: '<host:port>',
    description: 'Kafka bootstrap servers (default: the test Kafka of npm run infra)',
    parse: hostPorts,
    fallback: (env) => serviceSettings(env).kafkaBootstrap,
  },
  {
    name: 'schema-registry',
    key: 'schemaRegistry',
    env: 'SCHEMA_REGISTRY_URL',
    arg: '<url>',
    description: 'Confluent-compatible schema registry URL (default: the test registry)',
    parse: httpUrl,
    fallback: (env) => serviceSettings(env).schemaRegistryUrl,
  },
  {
    name: 'topic',
    key: 'topic',
    env: 'GENERATOR_TOPIC',
    arg: '<name>',
    description: 'orders topic (default orders)',
    parse: topicName,
    fallback: () => 'orders',
  },
  {
    name: 'truth-topic',
    key: 'truthTopic',
    env: 'GENERATOR_TRUTH_TOPIC',
    arg: '<name>',
    description: 'ground-truth topic, or none (default orders_truth)',
    parse: optionalTopic,
    fallback: () => 'orders_truth',
  },
  {
    name: 'truth-file',
    key: 'truthFile',
    env: 'GENERATOR_TRUTH_FILE',
    arg: '<file.jsonl>',
    description: 'also write ground truth to this JSON Lines file',
    parse: nonEmpty,
    fallback: none,
  },
  {
    name: 'out',
    key: 'out',
    env: 'GENERATOR_OUT',
    arg: '<file.jsonl>',
    description: 'write orders to this JSON Lines file instead of Kafka',
    parse: nonEmpty,
    fallback: none,
  },
  {
    name: 'dry-run',
    key: 'dryRun',
    env: 'GENERATOR_DRY_RUN',
    arg: undefined,
    description: 'generate and encode, no network',
    parse: boolean,
    fallback: () => 'false',
  },
  {
    name: 'partitions',
    key: 'partitions',
    env: 'GENERATOR_PARTITIONS',
    arg: '<n>',
    description: 'partitions of topics the generator creates (default 6)',
    parse: positiveInt(10_000),
    fallback: () => '6',
  },
  {
    name: 'start-time',
    key: 'startTime',
    env: 'GENERATOR_START_TIME',
    arg: '<time>',
    description: 'event time of the first order, ISO-8601 or epoch ms (default: now)',
    parse: instant,
    fallback: none,
  },
  {
    name: 'pace',
    key: 'pace',
    env: 'GENERATOR_PACE',
    arg: '<mode>',
    description: 'realtime | none (default: realtime to Kafka, none for --out/--dry-run)',
    parse: paceMode,
    fallback: none,
  },
];

export const USAGE =
  'usage: npm run generate -- [--rate N] [--duration S | --count N] [--scenario a,b] [--seed S] ' +
  '[--out FILE | --dry-run] [--truth-file FILE] [--bootstrap-server H:P] [--schema-registry URL] (see --help)';

/**
 * Resolves options with the precedence flags > npm config (`npm run generate --rate 10`) >
 * environment variables > defaults, and validates them. Throws UsageError (exit 2).
 */
export function resolveOptions(
  flags: Readonly<Record<string, unknown>>,
  positionals: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  npmArgv?: () => string[] | undefined,
): GenerateOptions {
  const npm = fromNpmConfig(
    env,
    positionals,
    OPTION_SPECS.map((s) => ({
      name: s.name,
      boolean: s.arg === undefined,
      accepts: (raw: string) => accepts(s, raw),
    })),
    npmArgv,
  );
  if (npm.rest.length > 0) {
    throw new UsageError(`unexpected argument "${npm.rest[0]}"`, { hint: USAGE });
  }
  const out: Record<string, unknown> = {};
  for (const spec of OPTION_SPECS) {
    const flag = flags[camel(spec.name)];
    const raw =
      flag !== undefined
        ? typeof flag === 'boolean'
          ? String(flag)
          : String(flag)
        : (npm.values.get(spec.name) ?? env[spec.env] ?? spec.fallback(env));
    out[spec.key] = raw === undefined ? undefined : spec.parse(raw, spec.name);
  }
  const o = out as unknown as Omit<GenerateOptions, 'pace'> & { pace: GenerateOptions['pace'] | undefined };
  if (o.out !== undefined && o.dryRun)
    throw new UsageError('--out and --dry-run exclude each other', { hint: USAGE });
  const local = o.out !== undefined || o.dryRun;
  return { ...o, pace: o.pace ?? (local ? 'none' : 'realtime') };
}

function accepts(spec: OptionSpec, raw: string): boolean {
  try {
    spec.parse(raw, spec.name);
    return true;
  } catch {
    return false;
  }
}

/** commander's attribute name for a flag: `bootstrap-server` -> `bootstrapServer`. */
export function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
