import { KsqlParseError } from '../errors.ts';
import type { Literal } from '../parser/ast.ts';
import { Decimal } from '../types/decimal.ts';
import { INT_MAX, INT_MIN, LONG_MAX, LONG_MIN } from '../types/java-int.ts';
import { BIGINT, BOOLEAN, DOUBLE, INT, STRING, decimal } from '../types/sql-type.ts';
import type { SqlType } from '../types/sql-type.ts';
import { constant } from './compile-context.ts';
import type { CompiledExpression } from './scope.ts';

/**
 * Literals (literals.json): an integer is INT when it fits 32 bits, else BIGINT, else
 * "Invalid numeric literal"; a decimal literal is DECIMAL(p, s) from its text (0.00 is
 * DECIMAL(3, 2), DecimalUtil.fromValue); an exponent literal is DOUBLE ("Number overflows DOUBLE").
 * `negative` folds a leading unary minus so -2147483648 and -9223372036854775808 stay in range.
 */
export function compileLiteral(e: Literal, negative = false): CompiledExpression {
  switch (e.kind) {
    case 'NullLiteral':
      return constant(undefined, null);
    case 'BooleanLiteral':
      return constant(BOOLEAN, e.value);
    case 'StringLiteral':
      return constant(STRING, e.value);
    case 'IntegerLiteral': {
      const v = integerLiteralValue(e.text, negative);
      if (v === undefined) {
        throw new KsqlParseError(
          `Invalid numeric literal: ${negative ? '-' : ''}${e.text}`,
          e.loc.line,
          e.loc.column,
        );
      }
      return typeof v === 'number' ? constant(INT, v) : constant(BIGINT, v);
    }
    case 'DecimalLiteral': {
      const d = Decimal.parse(negative ? `-${e.text}` : e.text);
      return constant(decimalLiteralType(d), d);
    }
    case 'DoubleLiteral': {
      const v = Number(e.text);
      if (!Number.isFinite(v)) {
        throw new KsqlParseError(
          `Number overflows DOUBLE: ${negative ? '-' : ''}${e.text}`,
          e.loc.line,
          e.loc.column,
        );
      }
      return constant(DOUBLE, negative ? -v : v);
    }
  }
}

/** INT value (number), BIGINT value (bigint) or undefined when out of the 64-bit range. */
export function integerLiteralValue(text: string, negative: boolean): number | bigint | undefined {
  let v: bigint;
  try {
    v = BigInt(text);
  } catch {
    return undefined;
  }
  if (negative) v = -v;
  if (v >= BigInt(INT_MIN) && v <= BigInt(INT_MAX)) return Number(v);
  if (v >= LONG_MIN && v <= LONG_MAX) return v;
  return undefined;
}

export function decimalLiteralType(d: Decimal): SqlType {
  const scale = Math.max(d.scale, 0);
  if (d.unscaled === 0n) return decimal(scale + 1, scale);
  return decimal(Math.max(d.precision(), scale), scale);
}
