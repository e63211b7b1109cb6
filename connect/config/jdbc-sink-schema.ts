/**
 * The configuration keys a Confluent JDBC sink connector (kafka-connect-jdbc 10.x) accepts, with
 * their allowed values, as a JSON Schema. Sources: kafka-connect-jdbc `JdbcSinkConfig.java`
 * and the sink option reference; Kafka Connect `ConnectorConfig`, `SinkConnectorConfig`
 * (errors.*, DLQ, transforms, predicates) and KIP-458 client overrides. Connect takes every
 * value as a string, so the files do too. A key not listed here is a typo or a feature we do
 * not use: it fails validation, in the tests and before any deploy.
 */
const bool = { enum: ['true', 'false'] } as const;
const nonNegativeInt = { type: 'string', pattern: '^(0|[1-9][0-9]*)$' } as const;
const positiveInt = { type: 'string', pattern: '^[1-9][0-9]*$' } as const;
const text = { type: 'string', minLength: 1 } as const;
/** A Connect config-provider reference, resolved by the worker: `${env:NAME}`, `${file:/path:key}`. */
export const PLACEHOLDER_PATTERN = '^\\$\\{(env|file|directory):[^}]+\\}$';
const placeholderOr = (schema: object) => ({
  anyOf: [schema, { type: 'string', pattern: PLACEHOLDER_PATTERN }],
});
/** A comma-separated list of names. */
const nameList = { type: 'string', pattern: '^[A-Za-z0-9_.$-]+(\\s*,\\s*[A-Za-z0-9_.$-]+)*$' } as const;

export const JDBC_SINK_KEYS = {
  // Kafka Connect: connector and sink basics.
  name: text,
  'connector.class': { const: 'io.confluent.connect.jdbc.JdbcSinkConnector' },
  'tasks.max': positiveInt,
  topics: nameList,
  'topics.regex': text,
  'key.converter': text,
  'value.converter': text,
  'header.converter': text,
  'config.action.reload': { enum: ['none', 'restart'] },
  transforms: nameList,
  predicates: nameList,
  // Kafka Connect: error handling and dead-letter queue (KIP-298).
  'errors.tolerance': { enum: ['none', 'all'] },
  'errors.retry.timeout': { type: 'string', pattern: '^(-1|0|[1-9][0-9]*)$' },
  'errors.retry.delay.max.ms': nonNegativeInt,
  'errors.log.enable': bool,
  'errors.log.include.messages': bool,
  'errors.deadletterqueue.topic.name': { type: 'string', pattern: '^[A-Za-z0-9._-]{1,249}$' },
  'errors.deadletterqueue.topic.replication.factor': { type: 'string', pattern: '^(-1|[1-9][0-9]*)$' },
  'errors.deadletterqueue.context.headers.enable': bool,
  // JDBC sink: connection.
  'connection.url': placeholderOr({ type: 'string', pattern: '^jdbc:' }),
  'connection.user': placeholderOr(text),
  'connection.password': placeholderOr(text),
  'connection.attempts': positiveInt,
  'connection.backoff.ms': nonNegativeInt,
  'dialect.name': {
    enum: [
      '',
      'Db2DatabaseDialect',
      'DerbyDatabaseDialect',
      'GenericDatabaseDialect',
      'MySqlDatabaseDialect',
      'OracleDatabaseDialect',
      'PostgreSqlDatabaseDialect',
      'SapHanaDatabaseDialect',
      'SqliteDatabaseDialect',
      'SqlServerDatabaseDialect',
      'SybaseDatabaseDialect',
      'VerticaDatabaseDialect',
    ],
  },
  // JDBC sink: writes.
  'insert.mode': { enum: ['insert', 'upsert', 'update'] },
  'batch.size': positiveInt,
  'delete.enabled': bool,
  'table.name.format': text,
  'table.types': {
    type: 'string',
    pattern: '^(TABLE|VIEW|PARTITIONED TABLE)(\\s*,\\s*(TABLE|VIEW|PARTITIONED TABLE))*$',
  },
  'pk.mode': { enum: ['none', 'kafka', 'record_key', 'record_value'] },
  'pk.fields': { anyOf: [{ const: '' }, nameList] },
  'fields.whitelist': { anyOf: [{ const: '' }, nameList] },
  'db.timezone': text,
  'date.timezone': { enum: ['DB_TIMEZONE', 'UTC'] },
  'auto.create': bool,
  'auto.evolve': bool,
  'quote.sql.identifiers': { enum: ['always', 'never'] },
  'max.retries': nonNegativeInt,
  'retry.backoff.ms': nonNegativeInt,
  'mssql.use.merge.holdlock': bool,
  'trim.sensitive.log': bool,
} as const;

export const jdbcSinkConfigSchema = {
  $id: 'jdbc-sink-connector',
  type: 'object',
  required: ['connector.class', 'connection.url'],
  properties: JDBC_SINK_KEYS,
  patternProperties: {
    // Per-alias transform and predicate settings; `validateConnectorConfig` checks the aliases.
    '^transforms\\.[A-Za-z0-9_-]+\\.[a-z][a-z.]*$': { type: 'string' },
    '^predicates\\.[A-Za-z0-9_-]+\\.[a-z][a-z.]*$': { type: 'string' },
    // Converter settings, e.g. value.converter.schema.registry.url.
    '^value\\.converter\\.schema\\.registry\\.url$': placeholderOr({ type: 'string', pattern: '^https?://' }),
    '^(key|value|header)\\.converter\\.(schemas\\.enable|auto\\.register\\.schemas|use\\.latest\\.version|enhanced\\.avro\\.schema\\.support|connect\\.meta\\.data)$':
      bool,
    // KIP-458 client overrides (need connector.client.config.override.policy=All on the worker).
    '^consumer\\.override\\.max\\.poll\\.records$': positiveInt,
    '^consumer\\.override\\.(fetch\\.min\\.bytes|fetch\\.max\\.wait\\.ms|max\\.partition\\.fetch\\.bytes|auto\\.offset\\.reset|isolation\\.level)$':
      text,
  },
  additionalProperties: false,
  allOf: [
    // Kafka Connect: exactly one of topics / topics.regex.
    { oneOf: [{ required: ['topics'] }, { required: ['topics.regex'] }] },
  ],
} as const;

/** The connector file: the body of `POST /connectors` (`PUT /connectors/{name}/config` takes `config`). */
export const connectorFileSchema = {
  type: 'object',
  required: ['name', 'config'],
  properties: {
    name: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' },
    config: { type: 'object', additionalProperties: { type: 'string' } },
  },
  additionalProperties: false,
} as const;
