import type { Column } from '../../schema/logical-schema.ts';
import { formatSqlType, type SqlType } from '../../types/sql-type.ts';
import { inferColumnsFromJsonSchema } from './json-schema-infer.ts';
import { valueToJsonSrText } from './json-sr-write.ts';

/** Writes a row of column values as the JSON text of a JSON_SR record (null: a null record). */
export interface PhysicalRow {
  write(values: readonly unknown[]): string | null;
}

/**
 * The JSON text of a row. Without a registered schema (`schemaText` undefined): the columns
 * themselves, an object by column name or the bare value when `unwrapped`.
 *
 * With the schema of KEY_SCHEMA_ID / VALUE_SCHEMA_ID, as ksqlDB's ConnectSRSchemaDataTranslator
 * fits the row to it (elements.json "validate extra optional field with schema schema id in csas
 * OK - JSON_SR"): every property of the schema is written, in the schema's field order, taking
 * the column of exactly that name; a property no column fills is null unless the schema
 * requires it ("Missing default value for required field"); a column the schema lacks fails
 * ("Schema from Schema Registry misses field with name"). Nested struct fields take the
 * schema's names by position (ConnectSchemas.withCompatibleSchema). A value whose type differs
 * from the schema's fails, as Connect's Struct.put does.
 */
export function physicalRow(
  columns: readonly Column[],
  schemaText: string | undefined,
  unwrapped: boolean,
): PhysicalRow {
  const single = columns[0];
  if (schemaText === undefined) {
    if (unwrapped && single) {
      return { write: (values) => (values[0] == null ? null : valueToJsonSrText(values[0], single.type)) };
    }
    return { write: (values) => objectText(columns, values) };
  }
  const physical = inferColumnsFromJsonSchema(schemaText, 'VALUE', { unwrapped, originalFieldNames: true });
  if (unwrapped && single) {
    const target = physical[0]!.type;
    return {
      write: (values) => {
        const v = values[0] ?? null;
        if (v === null) return null;
        checkFits(single.name, single.type, target);
        return valueToJsonSrText(v, target);
      },
    };
  }
  const required = requiredProperties(schemaText);
  return {
    write: (values) => {
      for (const c of columns) {
        if (!physical.some((p) => p.name === c.name)) {
          throw new Error(`Schema from Schema Registry misses field with name: ${c.name}`);
        }
      }
      const parts = physical.map((p) => {
        const i = columns.findIndex((c) => c.name === p.name);
        const v = i < 0 ? null : (values[i] ?? null);
        if (i < 0 && required.has(p.name)) {
          throw new Error(
            `Missing default value for required field: [${p.name}]. This field appears in JSON_SR schema in Schema Registry`,
          );
        }
        if (v !== null) checkFits(p.name, columns[i]!.type, p.type);
        return `${JSON.stringify(p.name)}:${valueToJsonSrText(v, p.type)}`;
      });
      return `{${parts.join(',')}}`;
    },
  };
}

function objectText(columns: readonly Column[], values: readonly unknown[]): string {
  const parts = columns.map(
    (c, i) => `${JSON.stringify(c.name)}:${valueToJsonSrText(values[i] ?? null, c.type)}`,
  );
  return `{${parts.join(',')}}`;
}

function requiredProperties(schemaText: string): Set<string> {
  let root = JSON.parse(schemaText) as Record<string, unknown>;
  const oneOf = root['oneOf'];
  if (Array.isArray(oneOf)) {
    root = (oneOf as Record<string, unknown>[]).find((s) => s['type'] !== 'null') ?? root;
  }
  const props = (root['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const required = Array.isArray(root['required']) ? (root['required'] as string[]) : [];
  return new Set(required.filter((name) => props[name]?.['default'] === undefined));
}

function checkFits(name: string, from: SqlType, to: SqlType): void {
  if (!fits(from, to)) {
    throw new Error(
      `Invalid value for field ${name}: type ${formatSqlType(from)} does not fit the registered schema's ${formatSqlType(to)}`,
    );
  }
}

function fits(from: SqlType, to: SqlType): boolean {
  if (from.kind !== to.kind) return false;
  switch (from.kind) {
    case 'ARRAY':
      return fits(from.element, (to as typeof from).element);
    case 'MAP':
      return fits(from.key, (to as typeof from).key) && fits(from.value, (to as typeof from).value);
    case 'STRUCT': {
      const target = (to as typeof from).fields;
      return (
        target.length <= from.fields.length && target.every((f, i) => fits(from.fields[i]!.type, f.type))
      );
    }
    default:
      return true;
  }
}
