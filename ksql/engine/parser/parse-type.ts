import type { PrimitiveTypeName, StructFieldSyntax, TypeSyntax } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseIdentifier } from './parse-identifier.ts';

const PRIMITIVES: Readonly<Record<string, PrimitiveTypeName>> = {
  BOOLEAN: 'BOOLEAN',
  INT: 'INT',
  INTEGER: 'INT',
  BIGINT: 'BIGINT',
  DOUBLE: 'DOUBLE',
  STRING: 'STRING',
  VARCHAR: 'STRING',
  BYTES: 'BYTES',
  TIMESTAMP: 'TIMESTAMP',
  DATE: 'DATE',
  TIME: 'TIME',
};

/**
 * SqlBase.g4 `type`: ARRAY<t>, MAP<k, v>, STRUCT<name t, ...>, DECIMAL(p, s), a base type with
 * optional parameters (`VARCHAR(STRING)`), and the postfix `t ARRAY`. Unknown base type names
 * are custom types (CREATE TYPE) and become `Named`.
 */
export function parseType(c: Cursor): TypeSyntax {
  let type = parseTypeNoPostfix(c);
  while (c.acceptKeyword('ARRAY')) type = { kind: 'Array', element: type };
  return type;
}

function parseTypeNoPostfix(c: Cursor): TypeSyntax {
  if (c.isKeyword('ARRAY') && c.isOp('<', 1)) {
    c.pos += 2;
    const element = parseType(c);
    c.expectOp('>');
    return { kind: 'Array', element };
  }
  if (c.isKeyword('MAP') && c.isOp('<', 1)) {
    c.pos += 2;
    const key = parseType(c);
    c.expectOp(',');
    const value = parseType(c);
    c.expectOp('>');
    return { kind: 'Map', key, value };
  }
  if (c.isKeyword('STRUCT') && c.isOp('<', 1)) {
    c.pos += 2;
    const fields: StructFieldSyntax[] = [];
    if (!c.isOp('>')) {
      do {
        const name = parseIdentifier(c);
        fields.push({ name, type: parseType(c) });
      } while (c.acceptOp(','));
    }
    c.expectOp('>');
    return { kind: 'Struct', fields };
  }
  if (c.acceptKeyword('DECIMAL')) {
    c.expectOp('(');
    const precision = parseTypeNumber(c);
    c.expectOp(',');
    const scale = parseTypeNumber(c);
    c.expectOp(')');
    return { kind: 'Decimal', precision, scale };
  }
  const name = parseIdentifier(c);
  if (c.acceptOp('(')) {
    // typeParameter: INTEGER_VALUE | 'STRING' (e.g. VARCHAR(STRING)); ignored like ksqlDB does
    // for types other than DECIMAL.
    do {
      if (c.peek().kind === 'integer' || c.isKeyword('STRING')) c.next();
      else throw c.expected(["'STRING'", 'INTEGER_VALUE']);
    } while (c.acceptOp(','));
    c.expectOp(')');
  }
  // ksqlDB's SqlTypeParser resolves base type names case-insensitively, quoted or not.
  const primitive = PRIMITIVES[name.name.toUpperCase()];
  return primitive ? { kind: 'Primitive', name: primitive } : { kind: 'Named', name };
}

/** `number` in DECIMAL(p, s): an optionally negative integer. */
function parseTypeNumber(c: Cursor): number {
  const negative = c.acceptOp('-');
  const t = c.peek();
  if (t.kind !== 'integer') throw c.expected(['INTEGER_VALUE']);
  c.next();
  return (negative ? -1 : 1) * Number(t.value);
}
