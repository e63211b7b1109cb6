import type { SourceInfo } from '../api.ts';
import { KsqlParseError, KsqlStatementError, KsqlUnsupportedError } from '../errors.ts';
import type { CreateSource, TableElement } from '../parser/ast.ts';
import { parseDurationText } from '../plan/duration.ts';
import { buildKeyFormat, buildValueFormat, checkFormatConflicts, formatName } from '../plan/formats.ts';
import { sourceTimestampPlan } from '../plan/timestamp-plan.ts';
import { readWithProperties, type WithProperties } from '../plan/with-properties.ts';
import type { Column } from '../schema/logical-schema.ts';
import { inferColumnsFromAvro } from '../serde/avro/avro-infer.ts';
import { validateKeyColumns, validateValueColumns } from '../serde/format-validation.ts';
import { inferColumnsFromJsonSchema } from '../serde/json-sr/json-schema-infer.ts';
import { inferColumnsFromProtobuf } from '../serde/protobuf/protobuf-infer.ts';
import { resolveReferences } from '../serde/protobuf/schema-references.ts';
import type { RegisteredSchema, SchemaRegistryClient } from '../serde/schema-registry.ts';
import type { FormatName, WindowInfo } from '../serde/serde-types.ts';
import { sqlTypeFromSyntax } from '../types/type-from-syntax.ts';
import { parseDelimiter } from '../serde/delimited/delimiter.ts';
import { RESERVED_NAMES } from '../plan/source-scope.ts';

export interface CreateSourceContext {
  readonly properties: Readonly<Record<string, unknown>>;
  readonly registry: SchemaRegistryClient;
  readonly existing: (name: string) => SourceInfo | undefined;
}

/**
 * CREATE [OR REPLACE] [SOURCE] STREAM|TABLE: validates elements and WITH properties with
 * ksqlDB's messages (elements.json, formats.json, key-schemas.json, source-stream.json...),
 * infers value/key columns from the schema registry when none are given (reference e.9).
 * Returns the SourceInfo to register, or undefined for IF NOT EXISTS on an existing name.
 */
export async function analyzeCreateSource(
  stmt: CreateSource,
  ctx: CreateSourceContext,
): Promise<SourceInfo | undefined> {
  const kind = stmt.sourceType === 'STREAM' ? 'stream' : 'table';
  const name = stmt.name.name;
  const st = stmt.text;
  const existing = ctx.existing(name);
  if (stmt.isSource && stmt.orReplace) {
    throw new KsqlStatementError(
      `Cannot add ${kind} '${name}': CREATE OR REPLACE is not supported on source ${kind}s.`,
      st,
    );
  }
  if (existing) {
    if (stmt.ifNotExists) return undefined;
    if (existing.isSource && stmt.orReplace) {
      throw new KsqlStatementError(
        `Cannot add ${kind} '${name}': CREATE OR REPLACE is not supported on source ${kind}s.`,
        st,
      );
    }
    if (!stmt.orReplace) {
      throw new KsqlStatementError(
        `Cannot add ${kind} '${name}': A ${existing.type === 'STREAM' ? 'stream' : 'table'} with the same name already exists`,
        st,
      );
    }
  }
  const w = readWithProperties(stmt.properties);
  checkFormatConflicts(w);
  if (w.kafkaTopic === undefined)
    throw new KsqlStatementError('Missing required property "KAFKA_TOPIC" which has no default value.', st);

  const keyElements: TableElement[] = [];
  const valueElements: TableElement[] = [];
  for (const el of stmt.elements) {
    const c = el.constraint;
    if (c === 'KEY' || c === 'PRIMARY KEY') {
      if (stmt.sourceType === 'TABLE' && c === 'KEY') {
        throw new KsqlParseError(
          `Line: ${el.loc.line}, Col: ${el.loc.column}: Column \`${el.name.name}\` is a 'KEY' column: please use 'PRIMARY KEY' for tables.`,
          el.loc.line,
          el.loc.column,
        );
      }
      if (stmt.sourceType === 'STREAM' && c === 'PRIMARY KEY') {
        throw new KsqlParseError(
          `Line: ${el.loc.line}, Col: ${el.loc.column}: Column \`${el.name.name}\` is a 'PRIMARY KEY' column: please use 'KEY' for streams.`,
          el.loc.line,
          el.loc.column,
        );
      }
      keyElements.push(el);
    } else if (c === undefined) {
      valueElements.push(el);
    } else {
      throw new KsqlUnsupportedError('HEADER columns', st);
    }
    if (RESERVED_NAMES.has(el.name.name)) {
      throw new KsqlStatementError(
        `'${el.name.name}' is a reserved column name. You cannot use it as a name for a column.`,
        st,
      );
    }
  }

  const defaultValue = ctx.properties['ksql.persistence.default.format.value'];
  const valueText =
    w.valueFormat ?? w.format ?? (typeof defaultValue === 'string' ? defaultValue : undefined);
  if (valueText === undefined) {
    throw new KsqlStatementError(
      "Statement is missing the 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a default via the 'ksql.persistence.default.format.value' config.",
      st,
    );
  }
  const valueFormatName = formatName(valueText);
  const defaultKey = ctx.properties['ksql.persistence.default.format.key'];
  const keyFormatName = formatName(
    w.keyFormat ?? w.format ?? (typeof defaultKey === 'string' ? defaultKey : 'KAFKA'),
  );

  if (w.valueDelimiter !== undefined) {
    if (valueFormatName !== 'DELIMITED') {
      throw new KsqlStatementError(
        `${valueFormatName} does not support the following configs: [delimiter]`,
        st,
      );
    }
    parseDelimiter(w.valueDelimiter, 'VALUE_DELIMITER');
  }
  if (w.keyDelimiter !== undefined && keyFormatName === 'DELIMITED')
    parseDelimiter(w.keyDelimiter, 'KEY_DELIMITER');
  const window = windowInfo(w, st);
  let key: Column[] = keyElements.map((e) => ({
    name: e.name.name,
    type: sqlTypeFromSyntax(e.type),
    namespace: 'KEY',
  }));
  let value: Column[] = valueElements.map((e) => ({
    name: e.name.name,
    type: sqlTypeFromSyntax(e.type),
    namespace: 'VALUE',
  }));

  if (w.keySchemaId !== undefined) {
    if (!supportsInference(keyFormatName)) {
      throw new KsqlStatementError(
        `KEY_FORMAT should support schema inference when KEY_SCHEMA_ID is provided. Current format is ${keyFormatName}.`,
        st,
      );
    }
    if (keyElements.length > 0)
      throw new KsqlStatementError(
        'Table elements and KEY_SCHEMA_ID cannot both exist for create statement.',
        st,
      );
  }
  if (w.valueSchemaId !== undefined) {
    if (!supportsInference(valueFormatName)) {
      throw new KsqlStatementError(
        `VALUE_FORMAT should support schema inference when VALUE_SCHEMA_ID is provided. Current format is ${valueFormatName}.`,
        st,
      );
    }
    if (valueElements.length > 0)
      throw new KsqlStatementError(
        'Table elements and VALUE_SCHEMA_ID cannot both exist for create statement.',
        st,
      );
  }
  const unwrappedValue = w.wrapSingleValue === false;
  if (value.length === 0 && supportsInference(valueFormatName)) {
    const inferred = await inferColumns(ctx.registry, `${w.kafkaTopic}-value`, w.valueSchemaId);
    if (inferred !== undefined && valueFormatName === 'PROTOBUF') {
      value = await protobufColumns(ctx.registry, inferred, 'VALUE', w.valueSchemaFullName, w.valueSchemaId);
    } else if (inferred !== undefined && valueFormatName === 'JSON_SR') {
      value = inferColumnsFromJsonSchema(inferred.schema, 'VALUE', {
        unwrapped: unwrappedValue,
        originalFieldNames: w.valueSchemaId !== undefined,
      });
    } else if (inferred !== undefined) {
      // With an explicit VALUE_SCHEMA_ID field names keep their case, nested struct fields too
      // (elements.json "validate schema id without value elements OK", insert-values.json
      // "AVRO schema containing string, array, and struct with schema id").
      value = inferColumnsFromAvro(inferred.schema, 'VALUE', {
        unwrapped: unwrappedValue,
        originalFieldNames: w.valueSchemaId !== undefined,
      });
    }
  }
  if (key.length === 0 && supportsInference(keyFormatName)) {
    const inferred = await inferColumns(ctx.registry, `${w.kafkaTopic}-key`, w.keySchemaId);
    if (inferred !== undefined && keyFormatName === 'PROTOBUF') {
      key = await protobufColumns(ctx.registry, inferred, 'KEY', w.keySchemaFullName, w.keySchemaId);
    } else if (inferred !== undefined && keyFormatName === 'JSON_SR') {
      key = inferColumnsFromJsonSchema(inferred.schema, 'KEY', {
        originalFieldNames: w.keySchemaId !== undefined,
      });
    } else if (inferred !== undefined) {
      key = inferColumnsFromAvro(inferred.schema, 'KEY');
    }
  }
  if (key.length === 0 && value.length === 0) throw new KsqlStatementError('No columns supplied.', st);
  if (stmt.sourceType === 'TABLE' && key.length === 0) {
    throw new KsqlStatementError('Tables require a PRIMARY KEY. Please define the PRIMARY KEY.', st);
  }
  if (window && key.length === 0) throw new KsqlStatementError('Windowed sources require a key column.', st);

  const keyFormat = buildKeyFormat(keyFormatName, key.length, w, window, name);
  const valueFormat = buildValueFormat(valueFormatName, value.length, w, ctx.properties);
  wrapError(() => validateKeyColumns(keyFormatName, key, keyFormat.features), st);
  wrapError(() => validateValueColumns(valueFormatName, value, valueFormat.features), st);

  const source: SourceInfo = {
    name,
    type: stmt.sourceType,
    topic: w.kafkaTopic,
    schema: { key, value },
    keyFormat,
    valueFormat,
    ...(w.timestamp !== undefined
      ? {
          timestampColumn: {
            column: w.timestamp,
            ...(w.timestampFormat !== undefined ? { format: w.timestampFormat } : {}),
          },
        }
      : {}),
    isSource: stmt.isSource,
    statement: st,
  };
  wrapError(() => sourceTimestampPlan(source), st);
  if (source.timestampColumn) {
    // Store the resolved column name (TIMESTAMP='ts' names column TS).
    const col =
      [...key, ...value].find((c) => c.name === w.timestamp) ??
      [...key, ...value].find((c) => c.name === w.timestamp?.toUpperCase());
    if (col) return { ...source, timestampColumn: { ...source.timestampColumn, column: col.name } };
  }
  return source;
}

function supportsInference(f: FormatName): boolean {
  return f === 'AVRO' || f === 'PROTOBUF' || f === 'JSON_SR';
}

async function inferColumns(
  registry: SchemaRegistryClient,
  subject: string,
  schemaId: number | undefined,
): Promise<RegisteredSchema | undefined> {
  if (schemaId !== undefined) {
    const byId = await registry.getById(schemaId);
    if (byId) return byId;
  }
  return (await registry.getLatest(subject))?.schema;
}

/**
 * PROTOBUF keys and values are messages: one column per field of the message named by
 * KEY/VALUE_SCHEMA_FULL_NAME (else the first), field names kept as written when the schema
 * comes from a *_SCHEMA_ID (elements.json "validate schema id without key value elements OK").
 */
async function protobufColumns(
  registry: SchemaRegistryClient,
  registered: RegisteredSchema,
  target: 'KEY' | 'VALUE',
  fullName: string | undefined,
  schemaId: number | undefined,
): Promise<Column[]> {
  return inferColumnsFromProtobuf(registered.schema, target, {
    references: await resolveReferences(registry, registered),
    originalFieldNames: schemaId !== undefined,
    ...(fullName !== undefined ? { fullName } : {}),
  });
}

function windowInfo(w: WithProperties, st: string): WindowInfo | undefined {
  if (w.windowType === undefined) {
    return undefined;
  }
  switch (w.windowType) {
    case 'SESSION':
      if (w.windowSize !== undefined)
        throw new KsqlParseError("'WINDOW_SIZE' should not be set for SESSION windows.", 0, 0);
      return { type: 'SESSION' };
    case 'TUMBLING':
    case 'HOPPING':
      if (w.windowSize === undefined) {
        throw new KsqlParseError(
          "Tumbling and Hopping window types should set 'WINDOW_SIZE' in the WITH clause.",
          0,
          0,
        );
      }
      return { type: w.windowType, sizeMs: parseDurationText(w.windowSize, 'WINDOW_SIZE') };
    default:
      throw new KsqlStatementError(`Invalid value for WINDOW_TYPE: ${w.windowType}`, st);
  }
}

function wrapError(f: () => unknown, st: string): void {
  try {
    f();
  } catch (e) {
    if (e instanceof KsqlStatementError && e.statementText === undefined)
      throw new KsqlStatementError(e.message, st, { cause: e });
    throw e;
  }
}

/** Restores the case of top-level Avro record field names on inferred (upper-cased) columns. */
export function withFieldCase(columns: Column[], schemaText: string): Column[] {
  let fields: string[] = [];
  try {
    const root = JSON.parse(schemaText) as { fields?: { name?: unknown }[] };
    fields = (root.fields ?? []).map((f) => String(f.name ?? ''));
  } catch {
    return columns;
  }
  return columns.map((c) => {
    const original = fields.find((f) => f.toUpperCase() === c.name);
    return original === undefined ? c : { ...c, name: original };
  });
}
