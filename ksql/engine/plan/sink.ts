import type { SourceInfo } from '../api.ts';
import { KsqlStatementError } from '../errors.ts';
import type { LogicalSchema } from '../schema/logical-schema.ts';
import type { FormatName, WindowInfo } from '../serde/serde-types.ts';
import { castConverter, type Converter } from '../types/cast.ts';
import { formatSqlType, sqlTypeEquals } from '../types/sql-type.ts';
import { buildKeyFormat, buildValueFormat, checkFormatConflicts, formatName } from './formats.ts';
import type { PlanContext, SinkRequest } from './plan-context.ts';
import type { QueryPlan } from './query-plan.ts';
import { findTimestampColumn, timestampConverter } from './timestamp-plan.ts';

/**
 * The sink of a C*AS (or the existing target of INSERT INTO): schema, topic (upper-cased name
 * unless KAFKA_TOPIC, with `ksql.output.topic.name.prefix`), formats inherited from the source
 * unless overridden (reference e.6).
 */
export function buildSink(
  req: SinkRequest,
  source: SourceInfo,
  schema: LogicalSchema,
  window: WindowInfo | undefined,
  ctx: PlanContext,
): {
  sink: SourceInfo;
  sinkTimestamp?: QueryPlan['sinkTimestamp'];
  valueConverters?: (Converter | undefined)[];
} {
  if (req.kind === 'existing') {
    const valueConverters = checkInsertSchema(req.target, schema, ctx);
    return { sink: req.target, valueConverters };
  }
  const w = req.with;
  checkFormatConflicts(w);
  const explicitKey = w.keyFormat ?? w.format;
  // No implicit switch to JSON for keys the inherited format cannot hold: ksqlDB rejects them
  // (group-by.json "multiple expressions - KAFKA key format").
  const keyFormatName: FormatName =
    explicitKey !== undefined ? formatName(explicitKey) : source.keyFormat.info.format;
  const explicitValue = w.valueFormat ?? w.format;
  const valueFormatName: FormatName =
    explicitValue !== undefined ? formatName(explicitValue) : source.valueFormat.info.format;
  const prefix = String(ctx.properties['ksql.output.topic.name.prefix'] ?? '');
  const topic = w.kafkaTopic ?? `${prefix}${req.name}`;
  const keyFormat = buildKeyFormat(
    keyFormatName,
    schema.key.length,
    w,
    window,
    req.name,
    source.keyFormat.info,
  );
  const valueFormat = buildValueFormat(
    valueFormatName,
    schema.value.length,
    w,
    ctx.properties,
    source.valueFormat,
  );

  let sinkTimestamp: QueryPlan['sinkTimestamp'];
  let timestampColumn: SourceInfo['timestampColumn'];
  if (w.timestamp !== undefined) {
    const inKey = findTimestampColumn(schema.key, w.timestamp);
    const inValue = inKey ? undefined : findTimestampColumn(schema.value, w.timestamp);
    const found = inKey ?? inValue;
    if (!found) {
      throw new KsqlStatementError(
        `The TIMESTAMP column set in the WITH clause does not exist in the schema: '${w.timestamp.toUpperCase()}'`,
        ctx.statementText,
      );
    }
    sinkTimestamp = {
      namespace: inKey ? 'KEY' : 'VALUE',
      index: found.index,
      parse: timestampConverter(found.column, w.timestampFormat),
    };
    timestampColumn = {
      column: found.column.name,
      ...(w.timestampFormat !== undefined ? { format: w.timestampFormat } : {}),
    };
  }
  const sink: SourceInfo = {
    name: req.name,
    type: req.type,
    topic,
    schema,
    keyFormat,
    valueFormat,
    ...(timestampColumn ? { timestampColumn } : {}),
    isSource: false,
    statement: ctx.statementText,
  };
  return { sink, ...(sinkTimestamp ? { sinkTimestamp } : {}) };
}

const NUMERIC = new Set(['INT', 'BIGINT', 'DOUBLE', 'DECIMAL']);

/**
 * INSERT INTO ... SELECT: the result must match the sink's columns by name and type; numeric
 * results are implicitly cast to the sink's numeric type (insert-into.json "implicitly casts").
 * Returns per value column the converter to apply, if any.
 */
function checkInsertSchema(
  target: SourceInfo,
  schema: LogicalSchema,
  ctx: PlanContext,
): (Converter | undefined)[] {
  const fail = (): never => {
    throw new KsqlStatementError(
      `Incompatible schema between results and sink.\nResult schema is ${printSchema(schema)}\nSink schema is ${printSchema(target.schema)}`,
      ctx.statementText,
    );
  };
  if (target.schema.key.length !== schema.key.length || target.schema.value.length !== schema.value.length)
    fail();
  target.schema.key.forEach((c, i) => {
    const o = schema.key[i];
    if (!o || o.name !== c.name || !sqlTypeEquals(o.type, c.type)) fail();
  });
  return target.schema.value.map((c, i) => {
    const o = schema.value[i];
    if (!o || o.name !== c.name) return fail();
    if (sqlTypeEquals(o.type, c.type)) return undefined;
    const conv =
      NUMERIC.has(o.type.kind) && NUMERIC.has(c.type.kind) ? castConverter(o.type, c.type) : undefined;
    return conv ?? fail();
  });
}

export function printSchema(schema: LogicalSchema): string {
  return [...schema.key, ...schema.value]
    .map((c) => `\`${c.name}\` ${formatSqlType(c.type)}${c.namespace === 'KEY' ? ' KEY' : ''}`)
    .join(', ');
}
