import type { SourceInfo } from '../api.ts';
import { KsqlStatementError } from '../errors.ts';
import type { LogicalSchema } from '../schema/logical-schema.ts';
import type { FormatName, WindowInfo } from '../serde/serde-types.ts';
import { formatSqlType } from '../types/sql-type.ts';
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
): { sink: SourceInfo; sinkTimestamp?: QueryPlan['sinkTimestamp'] } {
  if (req.kind === 'existing') {
    checkInsertSchema(req.target, schema, ctx);
    return { sink: req.target };
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
  const keyFormat = buildKeyFormat(keyFormatName, schema.key.length, w, window, source.keyFormat.info);
  const valueFormat = buildValueFormat(valueFormatName, schema.value.length, w, source.valueFormat);

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

function checkInsertSchema(target: SourceInfo, schema: LogicalSchema, ctx: PlanContext): void {
  const same =
    target.schema.key.length === schema.key.length &&
    target.schema.value.length === schema.value.length &&
    [...target.schema.key, ...target.schema.value].every((c, i) => {
      const o = [...schema.key, ...schema.value][i];
      return o !== undefined && o.name === c.name && JSON.stringify(o.type) === JSON.stringify(c.type);
    });
  if (!same) {
    throw new KsqlStatementError(
      `Incompatible schema between results and sink.\nResult schema is ${printSchema(schema)}\nSink schema is ${printSchema(target.schema)}`,
      ctx.statementText,
    );
  }
}

export function printSchema(schema: LogicalSchema): string {
  return [...schema.key, ...schema.value]
    .map((c) => `\`${c.name}\` ${formatSqlType(c.type)}${c.namespace === 'KEY' ? ' KEY' : ''}`)
    .join(', ');
}
