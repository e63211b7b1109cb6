/**
 * Implicit type rules: numeric widening (INT → BIGINT → DECIMAL → DOUBLE), DECIMAL
 * precision/scale of arithmetic results, and the common type of CASE branches, COALESCE
 * arguments and ARRAY/MAP constructor elements. Sources: ksqlDB DecimalUtil (toSqlDecimal, widen),
 * SqlDecimal arithmetic rules, ExpressionTypeManager / CoercionUtil.
 */
import { baseTypeName, isNumeric } from './base-type-name.ts';
import * as T from './sql-type.ts';
import type { SqlType } from './sql-type.ts';
import { formatSqlType } from './sql-type.ts';
import type { ArithmeticOperator } from '../parser/ast.ts';

/** DECIMAL an integer type widens to without loss (ksqlDB INT_UPCAST_TO_DECIMAL / BIGINT_UPCAST_TO_DECIMAL). */
export function toDecimalType(t: SqlType): Extract<SqlType, { kind: 'DECIMAL' }> | undefined {
  switch (t.kind) {
    case 'DECIMAL':
      return t;
    case 'INT':
      return { kind: 'DECIMAL', precision: 10, scale: 0 };
    case 'BIGINT':
      return { kind: 'DECIMAL', precision: 19, scale: 0 };
    default:
      return undefined;
  }
}

/** A DECIMAL wide enough for either type (DecimalUtil.widen). */
export function widenDecimal(a: SqlType, b: SqlType): SqlType {
  const x = toDecimalType(a);
  const y = toDecimalType(b);
  if (!x || !y) throw new TypeError(`cannot widen ${formatSqlType(a)} and ${formatSqlType(b)} to DECIMAL`);
  const whole = Math.max(x.precision - x.scale, y.precision - y.scale);
  const scale = Math.max(x.scale, y.scale);
  return T.decimal(whole + scale, scale);
}

const NUMERIC_RANK: Readonly<Record<string, number>> = { INT: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };

/** The wider of two numeric types. */
export function widenNumeric(a: SqlType, b: SqlType): SqlType {
  const ra = NUMERIC_RANK[a.kind] ?? -1;
  const rb = NUMERIC_RANK[b.kind] ?? -1;
  if (a.kind === 'DOUBLE' || b.kind === 'DOUBLE') return T.DOUBLE;
  if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') return widenDecimal(a, b);
  return ra >= rb ? a : b;
}

/**
 * Result type of `left op right`, or an error message in ksqlDB's wording
 * ("Unsupported arithmetic types. BOOLEAN DECIMAL").
 */
export function arithmeticResultType(
  op: ArithmeticOperator,
  left: SqlType,
  right: SqlType,
): SqlType | { readonly error: string } {
  if (op === '+' && left.kind === 'STRING' && right.kind === 'STRING') return T.STRING;
  if (!isNumeric(left) || !isNumeric(right)) {
    return { error: `Unsupported arithmetic types. ${baseTypeName(left)} ${baseTypeName(right)}` };
  }
  if (left.kind === 'DOUBLE' || right.kind === 'DOUBLE') return T.DOUBLE;
  if (left.kind === 'DECIMAL' || right.kind === 'DECIMAL') {
    const l = toDecimalType(left);
    const r = toDecimalType(right);
    if (!l || !r)
      return { error: `Unsupported arithmetic types. ${baseTypeName(left)} ${baseTypeName(right)}` };
    return decimalArithmeticType(op, l.precision, l.scale, r.precision, r.scale);
  }
  return left.kind === 'BIGINT' || right.kind === 'BIGINT' ? T.BIGINT : T.INT;
}

/** ksqlDB's DECIMAL result precision/scale per operator (SQL Server rules, no cap). */
export function decimalArithmeticType(
  op: ArithmeticOperator,
  p1: number,
  s1: number,
  p2: number,
  s2: number,
): SqlType {
  switch (op) {
    case '+':
    case '-': {
      const scale = Math.max(s1, s2);
      return T.decimal(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
    }
    case '*':
      return T.decimal(p1 + p2 + 1, s1 + s2);
    case '/': {
      const scale = Math.max(6, s1 + p2 + 1);
      return T.decimal(p1 - s1 + s2 + scale, scale);
    }
    case '%': {
      const scale = Math.max(s1, s2);
      return T.decimal(Math.min(p1 - s1, p2 - s2) + scale, scale);
    }
  }
}

/**
 * The common type of several values (CASE branches, COALESCE/IFNULL arguments, ARRAY and MAP
 * constructor elements): identical types, numeric widening, and structural widening of
 * ARRAY/MAP/STRUCT. `undefined` entries (NULL literals) are skipped. Returns undefined when
 * all entries are NULL, or `{ error }` naming the first incompatible pair.
 */
export function commonType(
  types: readonly (SqlType | undefined)[],
): SqlType | undefined | { readonly error: string; readonly index: number } {
  let acc: SqlType | undefined;
  for (let i = 0; i < types.length; i++) {
    const t = types[i];
    if (!t) continue;
    if (!acc) {
      acc = t;
      continue;
    }
    const w = widen(acc, t);
    if (!w) return { error: `${formatSqlType(acc)} and ${formatSqlType(t)}`, index: i };
    acc = w;
  }
  return acc;
}

/** Widest of two types, or undefined when they are not compatible. */
export function widen(a: SqlType, b: SqlType): SqlType | undefined {
  if (isNumeric(a) && isNumeric(b)) return widenNumeric(a, b);
  if (a.kind !== b.kind) return undefined;
  switch (a.kind) {
    case 'ARRAY': {
      const e = widen(a.element, (b as typeof a).element);
      return e && T.array(e);
    }
    case 'MAP': {
      const bm = b as typeof a;
      const k = widen(a.key, bm.key);
      const v = widen(a.value, bm.value);
      return k && v && T.map(k, v);
    }
    case 'STRUCT': {
      const bs = b as typeof a;
      if (a.fields.length !== bs.fields.length) return undefined;
      const fields: T.StructField[] = [];
      for (let i = 0; i < a.fields.length; i++) {
        const fa = a.fields[i];
        const fb = bs.fields[i];
        if (!fa || !fb || fa.name !== fb.name) return undefined;
        const ft = widen(fa.type, fb.type);
        if (!ft) return undefined;
        fields.push({ name: fa.name, type: ft });
      }
      return T.struct(fields);
    }
    default:
      return a;
  }
}
