/**
 * Implicit value coercion as ksqlDB's DefaultSqlValueCoercer applies it to INSERT INTO ... VALUES
 * and other places where a value must take a column's type without a CAST: numeric widening
 * (INT → BIGINT → DECIMAL → DOUBLE; a DECIMAL only when it fits without rounding), ISO-8601
 * strings to TIMESTAMP / DATE / TIME, base64 strings to BYTES (sql-tests/test.sql
 * "insert bytes"), and element-wise for ARRAY / MAP / STRUCT (struct fields by name).
 * Narrowing (BIGINT → INT, DOUBLE → DECIMAL...) is not implicit: undefined.
 */
import type { Converter } from './cast.ts';
import { isNumeric } from './base-type-name.ts';
import type { Decimal } from './decimal.ts';
import { decimalFromBigInt, decimalFromInt, decimalToDouble, fitExact } from './decimal-math.ts';
import type { SqlType } from './sql-type.ts';
import { formatSqlType } from './sql-type.ts';
import { Struct } from './struct.ts';
import { MS_PER_DAY, parseDateIso, parseTimeIso, parseTimestampIso } from './time-text.ts';

const identity: Converter = (v) => v;

function nullSafe(c: Converter): Converter {
  return (v) => (v === null || v === undefined ? null : c(v));
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

export function implicitConverter(from: SqlType, to: SqlType): Converter | undefined {
  if (formatSqlType(from) === formatSqlType(to)) return identity;
  if (isNumeric(from) && isNumeric(to)) return numeric(from, to);
  switch (to.kind) {
    case 'TIMESTAMP':
      if (from.kind === 'STRING') return (v) => parseTimestampIso(v as string);
      if (from.kind === 'DATE') return (v) => (v as number) * MS_PER_DAY;
      return undefined;
    case 'DATE':
      return from.kind === 'STRING' ? (v) => parseDateIso(v as string) : undefined;
    case 'TIME':
      return from.kind === 'STRING' ? (v) => parseTimeIso(v as string) : undefined;
    case 'BYTES':
      if (from.kind !== 'STRING') return undefined;
      return (v) => (BASE64_RE.test(v as string) ? new Uint8Array(Buffer.from(v as string, 'base64')) : null);
    case 'ARRAY': {
      if (from.kind !== 'ARRAY') return undefined;
      const el = implicitConverter(from.element, to.element);
      if (!el) return undefined;
      const c = nullSafe(el);
      return (v) => (v as unknown[]).map(c);
    }
    case 'MAP': {
      if (from.kind !== 'MAP') return undefined;
      const k = implicitConverter(from.key, to.key);
      const val = implicitConverter(from.value, to.value);
      if (!k || !val) return undefined;
      const kc = nullSafe(k);
      const vc = nullSafe(val);
      return (v) => {
        const out = new Map<unknown, unknown>();
        for (const [mk, mv] of v as Map<unknown, unknown>) out.set(kc(mk), vc(mv));
        return out;
      };
    }
    case 'STRUCT': {
      if (from.kind !== 'STRUCT') return undefined;
      const plan: { index: number; conv: Converter }[] = [];
      for (const f of to.fields) {
        const index = from.fields.findIndex((g) => g.name === f.name);
        const src = from.fields[index];
        if (!src) {
          plan.push({ index: -1, conv: identity });
          continue;
        }
        const conv = implicitConverter(src.type, f.type);
        if (!conv) return undefined;
        plan.push({ index, conv: nullSafe(conv) });
      }
      if (from.fields.some((g) => !to.fields.some((f) => f.name === g.name))) return undefined;
      const names = to.fields.map((f) => f.name);
      return (v) =>
        new Struct(
          names,
          plan.map((p) => (p.index < 0 ? null : p.conv((v as Struct).values[p.index] ?? null))),
        );
    }
    default:
      return undefined;
  }
}

function numeric(from: SqlType, to: SqlType): Converter | undefined {
  switch (to.kind) {
    case 'BIGINT':
      return from.kind === 'INT' ? (v) => BigInt(v as number) : undefined;
    case 'DOUBLE':
      if (from.kind === 'INT') return identity;
      if (from.kind === 'BIGINT') return (v) => Number(v as bigint);
      if (from.kind === 'DECIMAL') return (v) => decimalToDouble(v as Decimal);
      return undefined;
    case 'DECIMAL': {
      const { precision, scale } = to;
      if (from.kind === 'INT') return (v) => fitExact(decimalFromInt(v as number), precision, scale);
      if (from.kind === 'BIGINT') return (v) => fitExact(decimalFromBigInt(v as bigint), precision, scale);
      if (from.kind === 'DECIMAL') return (v) => fitExact(v as Decimal, precision, scale);
      return undefined;
    }
    default:
      return undefined;
  }
}
