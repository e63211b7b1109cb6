import { Ajv, type ErrorObject } from 'ajv';
import { ConfigError } from '../../common/errors.ts';
import { connectorFileSchema, jdbcSinkConfigSchema } from './jdbc-sink-schema.ts';

/** One connector as stored in `connect/*.json`: the body of `POST /connectors`. */
export interface ConnectorFile {
  readonly name: string;
  readonly config: Readonly<Record<string, string>>;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const checkFile = ajv.compile<ConnectorFile>(connectorFileSchema);
const checkConfig = ajv.compile(jdbcSinkConfigSchema);

/**
 * Checks a connector file against the JDBC sink's documented keys and values and the
 * cross-key rules Connect applies (every alias in `transforms`/`predicates` has a `type`, no
 * settings for an alias that is not listed, a transform's predicate exists). Throws a
 * ConfigError naming the first offending key (`source` is the file, for the message).
 */
export function validateConnectorFile(json: unknown, source: string): ConnectorFile {
  if (!checkFile(json)) throw toConfigError(checkFile.errors ?? [], source, {});
  const file = json;
  if (file.config.name !== undefined && file.config.name !== file.name) {
    throw new ConfigError(
      'name',
      `${source}: config.name "${file.config.name}" differs from name "${file.name}"`,
    );
  }
  if (!checkConfig(file.config)) throw toConfigError(checkConfig.errors ?? [], source, file.config);
  checkAliases(file.config, 'transforms', source);
  checkAliases(file.config, 'predicates', source);
  for (const alias of listOf(file.config.transforms)) {
    const predicate = file.config[`transforms.${alias}.predicate`];
    if (predicate !== undefined && !listOf(file.config.predicates).includes(predicate)) {
      throw new ConfigError(
        `transforms.${alias}.predicate`,
        `${source}: transforms.${alias}.predicate names "${predicate}", which is not listed in predicates`,
      );
    }
  }
  return file;
}

/** Splits a comma-separated Connect list, trimming blanks. */
export function listOf(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function checkAliases(
  config: Readonly<Record<string, string>>,
  kind: 'transforms' | 'predicates',
  source: string,
): void {
  const aliases = listOf(config[kind]);
  for (const alias of aliases) {
    if (config[`${kind}.${alias}.type`] === undefined) {
      throw new ConfigError(
        `${kind}.${alias}.type`,
        `${source}: ${kind} lists "${alias}" but ${kind}.${alias}.type is missing`,
      );
    }
  }
  for (const key of Object.keys(config)) {
    const alias = key.startsWith(`${kind}.`) ? key.slice(kind.length + 1).split('.')[0] : undefined;
    if (alias !== undefined && !aliases.includes(alias)) {
      throw new ConfigError(key, `${source}: ${key} configures "${alias}", which is not listed in ${kind}`);
    }
  }
}

function toConfigError(
  errors: ErrorObject[],
  source: string,
  config: Readonly<Record<string, string>>,
): ConfigError {
  // Unknown keys first: a typo is the likeliest mistake and the most useful message.
  const unknown = errors.find((e) => e.keyword === 'additionalProperties');
  if (unknown) {
    const key = String((unknown.params as { additionalProperty: string }).additionalProperty);
    const where = unknown.instancePath === '' ? '' : `${unknown.instancePath.slice(1)}.`;
    return new ConfigError(key, `${source}: unknown key "${where}${key}"`, {
      hint: 'the Confluent JDBC sink does not know this key (a typo?); see connect/README.md',
    });
  }
  const first = errors.find((e) => e.instancePath !== '') ?? errors[0];
  const key = first ? decodeURIComponent(first.instancePath.split('/').pop() ?? '').replace(/~1/g, '/') : '';
  if (first?.keyword === 'required' || first?.keyword === 'oneOf') {
    const missing = (first.params as { missingProperty?: string }).missingProperty ?? 'topics';
    return new ConfigError(missing, `${source}: missing required key "${missing}"`);
  }
  const value = config[key];
  const allowed =
    first?.keyword === 'enum'
      ? ` (allowed: ${(first.params as { allowedValues: string[] }).allowedValues.join(', ')})`
      : '';
  return new ConfigError(key, `${source}: invalid value ${JSON.stringify(value)} for "${key}"${allowed}`);
}
