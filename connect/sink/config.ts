import { ConfigError, NotImplementedError } from '../../common/errors.ts';
import { listOf, validateConnectorFile, type ConnectorFile } from '../config/validate.ts';

export type InsertMode = 'insert' | 'upsert' | 'update';
export type PkMode = 'none' | 'kafka' | 'record_value';

/** A Filter transform (org.apache.kafka.connect.transforms.Filter), optionally with a predicate. */
export interface FilterTransform {
  readonly alias: string;
  /** Drops the record when this is true (no predicate: every record). */
  readonly predicate: 'always' | 'isTombstone' | 'isNotTombstone';
}

/** What the local sink does, parsed from a connector file. Every key is accounted for. */
export interface SinkConfig {
  readonly name: string;
  readonly topics: readonly string[];
  readonly topicsRegex: RegExp | undefined;
  readonly tableNameFormat: string;
  readonly insertMode: InsertMode;
  readonly pkMode: PkMode;
  readonly pkFields: readonly string[];
  readonly fieldsWhitelist: readonly string[];
  readonly quoteIdentifiers: boolean;
  readonly dbTimezone: string;
  readonly batchSize: number;
  readonly maxPollRecords: number;
  readonly maxRetries: number;
  readonly retryBackoffMs: number;
  readonly transforms: readonly FilterTransform[];
  readonly errorsToleranceAll: boolean;
  readonly dlqTopic: string | undefined;
  readonly dlqReplicationFactor: number;
  readonly dlqContextHeaders: boolean;
  readonly errorsLog: boolean;
  readonly errorsLogMessages: boolean;
}

const FILTER = 'org.apache.kafka.connect.transforms.Filter';
const IS_TOMBSTONE = 'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone';
const BYTE_ARRAY = 'org.apache.kafka.connect.converters.ByteArrayConverter';
const AVRO = 'io.confluent.connect.avro.AvroConverter';
const KAFKA_PK_DEFAULTS = ['__connect_topic', '__connect_partition', '__connect_offset'];

/**
 * Keys that only tell the real worker how to reach things the local runtime hands the sink
 * directly (the database, the registry), or that have no effect on a single-task local sink.
 */
const ENVIRONMENT_KEYS = new Set([
  'name',
  'connector.class',
  'tasks.max',
  'connection.url',
  'connection.user',
  'connection.password',
  'connection.attempts',
  'connection.backoff.ms',
  'value.converter.schema.registry.url',
  'trim.sensitive.log',
]);

/** Keys whose documented default is the only behaviour the local sink implements. */
const FIXED: Record<string, string> = {
  'dialect.name': 'PostgreSqlDatabaseDialect',
  'auto.create': 'false',
  'auto.evolve': 'false',
  'delete.enabled': 'false',
  'table.types': 'TABLE',
  'date.timezone': 'DB_TIMEZONE',
};

/**
 * Parses and checks a connector file for the local sink. Unknown keys fail (ConfigError, via the
 * JDBC sink schema); known keys the local sink does not implement fail by name
 * (NotImplementedError); nothing is silently ignored. Config-provider references
 * (`${env:NAME}`) are allowed by the schema only in the connection settings, which the local
 * sink does not read: the runtime hands it its database and registry.
 */
export function parseSinkConfig(file: ConnectorFile): SinkConfig {
  validateConnectorFile({ name: file.name, config: file.config }, file.name);
  const raw: Readonly<Record<string, string>> = file.config;
  const used = new Set<string>(ENVIRONMENT_KEYS);
  const get = (key: string): string | undefined => {
    used.add(key);
    return raw[key];
  };
  for (const [key, only] of Object.entries(FIXED)) {
    const value = get(key);
    if (value !== undefined && value !== only) unsupported(key, value);
  }
  const keyConverter = get('key.converter');
  if (keyConverter !== undefined && keyConverter !== BYTE_ARRAY) unsupported('key.converter', keyConverter);
  const valueConverter = get('value.converter');
  if (valueConverter !== AVRO) unsupported('value.converter', valueConverter ?? '(worker default)');
  const headerConverter = get('header.converter');
  if (headerConverter !== undefined) unsupported('header.converter', headerConverter);

  const insertMode = (get('insert.mode') ?? 'insert') as InsertMode;
  const pkModeRaw = get('pk.mode') ?? 'none';
  if (pkModeRaw === 'record_key') unsupported('pk.mode', 'record_key');
  const pkMode = pkModeRaw as PkMode;
  let pkFields = listOf(get('pk.fields'));
  if (pkMode === 'kafka' && pkFields.length === 0) pkFields = KAFKA_PK_DEFAULTS;
  if (pkMode === 'kafka' && pkFields.length !== 3) {
    throw new ConfigError(
      'pk.fields',
      'pk.mode=kafka needs exactly 3 pk.fields (topic, partition, offset columns)',
    );
  }
  if (pkMode === 'none' && insertMode !== 'insert') {
    throw new ConfigError(
      'pk.mode',
      `insert.mode=${insertMode} requires key field names to be known (pk.mode=none)`,
      {
        hint: 'set pk.mode=record_value and pk.fields',
      },
    );
  }

  const tableNameFormat = get('table.name.format') ?? '${topic}';
  const dbTimezone = get('db.timezone') ?? 'UTC';
  checkTimezone(dbTimezone);
  const transforms = parseTransforms(raw, used);
  const tolerance = get('errors.tolerance') ?? 'none';
  const dlqTopic = get('errors.deadletterqueue.topic.name') || undefined;
  const topicsRegex = get('topics.regex');

  const config: SinkConfig = {
    name: file.name,
    topics: listOf(get('topics')),
    topicsRegex: topicsRegex === undefined ? undefined : new RegExp(`^(?:${topicsRegex})$`),
    tableNameFormat,
    insertMode,
    pkMode,
    pkFields,
    fieldsWhitelist: listOf(get('fields.whitelist')),
    quoteIdentifiers: (get('quote.sql.identifiers') ?? 'always') === 'always',
    dbTimezone,
    batchSize: int(get('batch.size'), 3000),
    maxPollRecords: int(get('consumer.override.max.poll.records'), 500),
    maxRetries: int(get('max.retries'), 10),
    retryBackoffMs: int(get('retry.backoff.ms'), 3000),
    transforms,
    errorsToleranceAll: tolerance === 'all',
    dlqTopic,
    dlqReplicationFactor: int(get('errors.deadletterqueue.topic.replication.factor'), 3),
    dlqContextHeaders: get('errors.deadletterqueue.context.headers.enable') === 'true',
    errorsLog: get('errors.log.enable') === 'true',
    errorsLogMessages: get('errors.log.include.messages') === 'true',
  };
  if (dlqTopic !== undefined && !config.errorsToleranceAll) {
    // Connect only routes to the DLQ when errors are tolerated; say so rather than ignore it.
    throw new ConfigError(
      'errors.deadletterqueue.topic.name',
      'a dead-letter topic needs errors.tolerance=all',
    );
  }
  for (const key of Object.keys(raw)) {
    if (!used.has(key)) unsupported(key, raw[key] ?? '');
  }
  return config;
}

function parseTransforms(raw: Readonly<Record<string, string>>, used: Set<string>): FilterTransform[] {
  used.add('transforms');
  used.add('predicates');
  const predicates = new Map<string, string>();
  for (const alias of listOf(raw.predicates)) {
    const key = `predicates.${alias}.type`;
    used.add(key);
    if (raw[key] !== IS_TOMBSTONE) unsupported(key, raw[key] ?? '');
    predicates.set(alias, 'isTombstone');
  }
  return listOf(raw.transforms).map((alias) => {
    const typeKey = `transforms.${alias}.type`;
    used.add(typeKey);
    if (raw[typeKey] !== FILTER) unsupported(typeKey, raw[typeKey] ?? '');
    const predicateKey = `transforms.${alias}.predicate`;
    const negateKey = `transforms.${alias}.negate`;
    used.add(predicateKey);
    used.add(negateKey);
    const predicate = raw[predicateKey];
    const negate = raw[negateKey] === 'true';
    if (predicate === undefined) {
      if (negate) unsupported(negateKey, 'true without a predicate');
      return { alias, predicate: 'always' };
    }
    return { alias, predicate: negate ? 'isNotTombstone' : 'isTombstone' };
  });
}

function int(value: string | undefined, fallback: number): number {
  return value === undefined ? fallback : Number(value);
}

function checkTimezone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch (err) {
    throw new ConfigError('db.timezone', `db.timezone: unknown time zone "${zone}"`, { cause: err });
  }
}

function unsupported(key: string, value: string): never {
  throw new NotImplementedError(`${key}=${value} in the local JDBC sink`);
}
