import type { TypeSyntax } from '../parser/ast.ts';
import { assertNever } from '../../../common/assert-never.ts';
import { KsqlStatementError, KsqlUnsupportedError } from '../errors.ts';
import * as T from './sql-type.ts';
import type { SqlType } from './sql-type.ts';

/** Resolves a type as written in SQL to a SqlType, validating DECIMAL parameters as ksqlDB's DecimalUtil does. */
export function sqlTypeFromSyntax(syntax: TypeSyntax): SqlType {
  switch (syntax.kind) {
    case 'Primitive':
      return primitive(syntax.name);
    case 'Decimal':
      validateDecimal(syntax.precision, syntax.scale);
      return T.decimal(syntax.precision, syntax.scale);
    case 'Array':
      return T.array(sqlTypeFromSyntax(syntax.element));
    case 'Map':
      return T.map(sqlTypeFromSyntax(syntax.key), sqlTypeFromSyntax(syntax.value));
    case 'Struct':
      return T.struct(syntax.fields.map((f) => ({ name: f.name.name, type: sqlTypeFromSyntax(f.type) })));
    case 'Named':
      throw new KsqlUnsupportedError(`custom type ${syntax.name.name}`);
    default:
      return assertNever(syntax, 'type syntax');
  }
}

function primitive(name: Extract<TypeSyntax, { kind: 'Primitive' }>['name']): SqlType {
  switch (name) {
    case 'BOOLEAN':
      return T.BOOLEAN;
    case 'INT':
      return T.INT;
    case 'BIGINT':
      return T.BIGINT;
    case 'DOUBLE':
      return T.DOUBLE;
    case 'STRING':
      return T.STRING;
    case 'BYTES':
      return T.BYTES;
    case 'TIMESTAMP':
      return T.TIMESTAMP;
    case 'DATE':
      return T.DATE;
    case 'TIME':
      return T.TIME;
    default:
      return assertNever(name, 'primitive type');
  }
}

/** ksqlDB DecimalUtil.validateParameters wording. */
export function validateDecimal(precision: number, scale: number): void {
  if (precision < 1) {
    throw new KsqlStatementError(`DECIMAL precision must be >= 1: DECIMAL(${precision},${scale})`);
  }
  if (scale < 0) {
    throw new KsqlStatementError(`DECIMAL scale must be non-negative: DECIMAL(${precision},${scale})`);
  }
  if (precision < scale) {
    throw new KsqlStatementError(`DECIMAL precision must be >= scale: DECIMAL(${precision},${scale})`);
  }
}
