import { assertNever } from '../../../common/assert-never.ts';
import type { TableElement, TypeSyntax } from '../parser/ast.ts';
import { HarnessUnsupported } from './run-result.ts';
import type { Column } from '../schema/logical-schema.ts';
import type { SqlType } from '../types/sql-type.ts';

/** A written type as a SqlType (custom type names are not supported by the harness). */
export function typeOf(t: TypeSyntax): SqlType {
  switch (t.kind) {
    case 'Primitive':
      return { kind: t.name };
    case 'Decimal':
      return { kind: 'DECIMAL', precision: t.precision, scale: t.scale };
    case 'Array':
      return { kind: 'ARRAY', element: typeOf(t.element) };
    case 'Map':
      return { kind: 'MAP', key: typeOf(t.key), value: typeOf(t.value) };
    case 'Struct':
      return { kind: 'STRUCT', fields: t.fields.map((f) => ({ name: f.name.name, type: typeOf(f.type) })) };
    case 'Named':
      throw new HarnessUnsupported(`custom type ${t.name.name} in an expected schema`);
    default:
      return assertNever(t, 'type syntax');
  }
}

/** Table elements as columns: KEY / PRIMARY KEY in the key, HEADERS in headers, the rest in the value. */
export function columnsOf(elements: readonly TableElement[]): { key: Column[]; value: Column[] } {
  const key: Column[] = [];
  const value: Column[] = [];
  for (const e of elements) {
    const c = e.constraint;
    if (c === 'KEY' || c === 'PRIMARY KEY')
      key.push({ name: e.name.name, type: typeOf(e.type), namespace: 'KEY' });
    else if (c === 'HEADERS') value.push({ name: e.name.name, type: typeOf(e.type), namespace: 'HEADERS' });
    else if (typeof c === 'object') {
      value.push({ name: e.name.name, type: typeOf(e.type), namespace: 'HEADERS', headerKey: c.header });
    } else value.push({ name: e.name.name, type: typeOf(e.type), namespace: 'VALUE' });
  }
  return { key, value };
}
