import type { SourceInfo } from '../api.ts';
import { KsqlStatementError } from '../errors.ts';
import { inferColumnsFromAvro } from '../serde/avro/avro-infer.ts';
import type { SchemaRegistryClient } from '../serde/schema-registry.ts';
import { formatSqlType, type SqlType } from '../types/sql-type.ts';
import { withFieldCase } from './create-source.ts';

/**
 * C*AS `WITH (VALUE_SCHEMA_ID=n)`: the registered schema must start with the query's value
 * columns, same names, types and order (elements.json "validate incompatible type / reordered
 * field schema id in csas FAILS"); extra trailing fields are the serializer's business.
 */
export async function checkSinkValueSchemaId(
  sink: SourceInfo,
  registry: SchemaRegistryClient,
  statementText: string,
): Promise<void> {
  const id = sink.valueFormat.info.properties['schemaId'];
  if (id === undefined || sink.valueFormat.info.format !== 'AVRO') return;
  const registered = await registry.getById(Number(id));
  if (!registered) return;
  const physical = withFieldCase(inferColumnsFromAvro(registered.schema, 'VALUE'), registered.schema);
  // Fields named like key columns are not value columns (avro.json "VALUE_SCHEMA_ID with compound types").
  const keys = new Set(sink.schema.key.map((k) => k.name.toUpperCase()));
  const values = physical.filter((p) => !keys.has(p.name.toUpperCase()));
  const sameType = (a: SqlType, b: SqlType): boolean =>
    formatSqlType(a).toUpperCase() === formatSqlType(b).toUpperCase();
  const bad = sink.schema.value.filter((c, i) => {
    const p = values[i];
    return !p || p.name !== c.name || !sameType(p.type, c.type);
  });
  if (bad.length === 0) return;
  const show = (cs: readonly { name: string; type: SqlType }[]): string =>
    `[${cs.map((c) => `\`${c.name}\` ${formatSqlType(c.type)}`).join(', ')}]`;
  throw new KsqlStatementError(
    `The following value columns are changed, missing or reordered: ${show(bad)}. Schema from schema registry is ${show(physical)}`,
    statementText,
  );
}
