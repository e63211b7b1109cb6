import type { Decimal } from '../../types/decimal.ts';
import { decimalToDouble } from '../../types/decimal-math.ts';
import type { SqlType } from '../../types/sql-type.ts';

/** A numeric argument as a JS double (Java widening of int/long/BigDecimal to double). */
export function asDouble(t: SqlType | undefined, v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (t?.kind === 'DECIMAL' || (v !== null && typeof v === 'object')) return decimalToDouble(v as Decimal);
  return Number(v);
}

/** A numeric argument as a JS integer (INT or BIGINT parameters). */
export function asInt(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : (v as number);
}

export function isIntegral(t: SqlType | undefined): boolean {
  return t === undefined || t.kind === 'INT' || t.kind === 'BIGINT';
}

export function isNumber(t: SqlType | undefined): boolean {
  return (
    t === undefined || t.kind === 'INT' || t.kind === 'BIGINT' || t.kind === 'DOUBLE' || t.kind === 'DECIMAL'
  );
}
