import { KsqlStatementError } from '../../errors.ts';
import type { Column } from '../../schema/logical-schema.ts';
import { formatSqlType, sqlTypeEquals } from '../../types/sql-type.ts';
import { inferColumnsFromAvro } from './avro-infer.ts';

/**
 * For a sink written with KEY_SCHEMA_ID / VALUE_SCHEMA_ID: the registered schema must start
 * with the sink's columns, same names (as written) and types, in order; further fields are
 * allowed (optional or defaulted ones serialize, required ones fail at runtime). Wording from
 * elements.json "validate incompatible type / reordered field schema id in csas FAILS - AVRO".
 */
export function checkSchemaIdColumns(
  columns: readonly Column[],
  schemaText: string,
  target: 'KEY' | 'VALUE',
  unwrapped = false,
): void {
  const registered = inferColumnsFromAvro(schemaText, target, { unwrapped, originalFieldNames: true });
  const mismatched = columns.filter((c, i) => {
    const r = registered[i];
    return !r || (target === 'VALUE' && r.name !== c.name) || !sqlTypeEquals(r.type, c.type);
  });
  if (mismatched.length === 0) return;
  const print = (cs: readonly Column[]): string =>
    cs.map((c) => `\`${c.name}\` ${formatSqlType(c.type)}`).join(', ');
  throw new KsqlStatementError(
    `The following ${target.toLowerCase()} columns are changed, missing or reordered: [${print(mismatched)}]. Schema from schema registry is [${print(registered)}]`,
  );
}
