import type { Expression } from '../parser/ast.ts';
import { Decimal } from '../types/decimal.ts';
import type { SqlType } from '../types/sql-type.ts';
import { Struct } from '../types/struct.ts';
import { typeOf } from './sql-type-syntax.ts';

/** A value in an ASSERT VALUES / ASSERT NULL VALUES list that the harness cannot evaluate. */
export class LiteralError extends Error {
  override name = 'LiteralError';
}

/**
 * Evaluates the constant expressions of an ASSERT statement and coerces them to the column's
 * type, as SqlTestExecutor builds the expected row with the INSERT VALUES machinery
 * (literal → column type: INT widens to BIGINT/DECIMAL/DOUBLE, strings to BYTES (base64) and
 * to TIMESTAMP/DATE/TIME (ISO-8601), decimals take the column's scale).
 */
export function literalValue(e: Expression, type: SqlType | undefined): unknown {
  switch (e.kind) {
    case 'NullLiteral':
      return null;
    case 'BooleanLiteral':
      return coerce(e.value, type);
    case 'IntegerLiteral':
      return coerce(BigInt(e.text), type);
    case 'DecimalLiteral':
      return coerce(Decimal.parse(e.text), type);
    case 'DoubleLiteral':
      return coerce(Number(e.text), type);
    case 'StringLiteral':
      return coerce(e.value, type);
    case 'ArithmeticUnary': {
      const v = literalValue(e.operand, type);
      if (e.sign === '+' || v === null) return v;
      if (typeof v === 'number') return -v;
      if (typeof v === 'bigint') return -v;
      if (v instanceof Decimal) return new Decimal(-v.unscaled, v.scale);
      break;
    }
    case 'CreateArray':
      return e.elements.map((x) => literalValue(x, type?.kind === 'ARRAY' ? type.element : undefined));
    case 'CreateMap':
      return new Map(
        e.entries.map((en) => [
          literalValue(en.key, type?.kind === 'MAP' ? type.key : undefined),
          literalValue(en.value, type?.kind === 'MAP' ? type.value : undefined),
        ]),
      );
    case 'CreateStruct': {
      if (type?.kind !== 'STRUCT') break;
      return new Struct(
        type.fields.map((f) => f.name),
        type.fields.map((f) => {
          const given = e.fields.find((x) => x.name.name === f.name);
          return given ? literalValue(given.value, f.type) : null;
        }),
      );
    }
    case 'Cast':
      return literalValue(e.operand, typeOf(e.type));
    default:
      break;
  }
  throw new LiteralError(`cannot evaluate ${e.kind} in an ASSERT statement`);
}

function coerce(v: boolean | bigint | number | string | Decimal, type: SqlType | undefined): unknown {
  if (type === undefined) return typeof v === 'bigint' && v >= -(2n ** 31n) && v < 2n ** 31n ? Number(v) : v;
  switch (type.kind) {
    case 'BOOLEAN':
      return typeof v === 'boolean'
        ? v
        : typeof v === 'string'
          ? /^true$/i.test(v.trim())
          : mismatch(v, type);
    case 'INT':
    case 'DOUBLE':
      if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
      if (v instanceof Decimal && type.kind === 'DOUBLE') return v.toNumber();
      return mismatch(v, type);
    case 'BIGINT':
      return typeof v === 'bigint' ? v : mismatch(v, type);
    case 'DECIMAL': {
      const d = typeof v === 'bigint' ? new Decimal(v, 0) : v instanceof Decimal ? v : undefined;
      if (!d) return mismatch(v, type);
      return d.scale <= type.scale
        ? new Decimal(d.unscaled * 10n ** BigInt(type.scale - d.scale), type.scale)
        : d;
    }
    case 'STRING':
      return typeof v === 'string' ? v : mismatch(v, type);
    case 'BYTES':
      return typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'base64')) : mismatch(v, type);
    case 'TIMESTAMP':
      if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
      if (typeof v === 'string') return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      return mismatch(v, type);
    case 'DATE':
      if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
      if (typeof v === 'string') return Math.floor(Date.parse(`${v}T00:00:00Z`) / 86_400_000);
      return mismatch(v, type);
    case 'TIME':
      if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
      if (typeof v === 'string') return Date.parse(`1970-01-01T${v}Z`);
      return mismatch(v, type);
    default:
      return mismatch(v, type);
  }
}

function mismatch(v: unknown, type: SqlType): never {
  throw new LiteralError(`cannot coerce ${String(v)} to ${type.kind}`);
}
