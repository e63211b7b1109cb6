/**
 * CAST semantics between SQL types (cast.json; ksqlDB CastEvaluator / DecimalUtil.cast).
 * A converter takes a non-null value and returns the converted value, or null where ksqlDB's
 * conversion throws at runtime (unparseable string, DECIMAL overflow): ksqlDB logs those to the
 * processing log and yields NULL.
 */
import { assertNever } from '../../../common/assert-never.ts';
import { parseBooleanText } from './boolean-text.ts';
import type { Decimal } from './decimal.ts';
import {
  castDecimal,
  decimalExactOfDouble,
  decimalFromBigInt,
  decimalFromInt,
  decimalToDouble,
  decimalToInt,
  decimalToLong,
  fitsIntegerDigits,
  roundToPrecision,
  setScaleHalfUp,
} from './decimal-math.ts';
import { doubleToInt, doubleToLong, longToInt } from './java-int.ts';
import { javaToString } from './java-to-string.ts';
import { parseDecimalText, parseDoubleText, parseIntText, parseLongText } from './parse-number-text.ts';
import type { SqlType } from './sql-type.ts';
import { Struct } from './struct.ts';
import { MS_PER_DAY, parseDateIso, parseTimeIso, parseTimestampIso } from './time-text.ts';

export type Converter = (v: unknown) => unknown;

const identity: Converter = (v) => v;

function nullSafe(c: Converter): Converter {
  return (v) => (v === null || v === undefined ? null : c(v));
}

/** Converter from `from` to `to`, or undefined when ksqlDB does not support the cast. */
export function castConverter(from: SqlType, to: SqlType): Converter | undefined {
  switch (to.kind) {
    case 'STRING':
      return from.kind === 'STRING' ? identity : (v) => javaToString(from, v);
    case 'BOOLEAN':
      if (from.kind === 'BOOLEAN') return identity;
      if (from.kind === 'STRING') return (v) => parseBooleanText(v as string);
      return undefined;
    case 'INT':
      return toInt(from);
    case 'BIGINT':
      return toBigint(from);
    case 'DOUBLE':
      return toDouble(from);
    case 'DECIMAL':
      return toDecimal(from, to.precision, to.scale);
    case 'BYTES':
      return from.kind === 'BYTES' ? identity : undefined;
    case 'TIMESTAMP':
      if (from.kind === 'TIMESTAMP') return identity;
      if (from.kind === 'STRING') return (v) => parseTimestampIso(v as string);
      if (from.kind === 'DATE') return (v) => (v as number) * MS_PER_DAY;
      return undefined;
    case 'DATE':
      if (from.kind === 'DATE') return identity;
      if (from.kind === 'STRING') return (v) => parseDateIso(v as string);
      if (from.kind === 'TIMESTAMP') return (v) => Math.floor((v as number) / MS_PER_DAY);
      return undefined;
    case 'TIME':
      if (from.kind === 'TIME') return identity;
      if (from.kind === 'STRING') return (v) => parseTimeIso(v as string);
      if (from.kind === 'TIMESTAMP') return (v) => (((v as number) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
      return undefined;
    case 'ARRAY': {
      if (from.kind !== 'ARRAY') return undefined;
      const el = castConverter(from.element, to.element);
      if (!el) return undefined;
      if (el === identity) return identity;
      const c = nullSafe(el);
      return (v) => (v as unknown[]).map(c);
    }
    case 'MAP': {
      if (from.kind !== 'MAP') return undefined;
      const k = castConverter(from.key, to.key);
      const val = castConverter(from.value, to.value);
      if (!k || !val) return undefined;
      if (k === identity && val === identity) return identity;
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
      // Fields are matched by exact name; target fields missing from the source become NULL.
      const plan: { index: number; conv: Converter }[] = [];
      for (const f of to.fields) {
        const index = from.fields.findIndex((g) => g.name === f.name);
        const src = from.fields[index];
        if (!src) {
          plan.push({ index: -1, conv: identity });
          continue;
        }
        const conv = castConverter(src.type, f.type);
        if (!conv) return undefined;
        plan.push({ index, conv: nullSafe(conv) });
      }
      const names = to.fields.map((f) => f.name);
      return (v) => {
        const s = v as Struct;
        return new Struct(
          names,
          plan.map((p) => (p.index < 0 ? null : p.conv(s.values[p.index] ?? null))),
        );
      };
    }
    default:
      return assertNever(to, 'sql type');
  }
}

function toInt(from: SqlType): Converter | undefined {
  switch (from.kind) {
    case 'INT':
      return identity;
    case 'BIGINT':
      return (v) => longToInt(v as bigint);
    case 'DOUBLE':
      return (v) => doubleToInt(v as number);
    case 'DECIMAL':
      return (v) => decimalToInt(v as Decimal);
    case 'STRING':
      return (v) => parseIntText(v as string);
    default:
      return undefined;
  }
}

function toBigint(from: SqlType): Converter | undefined {
  switch (from.kind) {
    case 'INT':
      return (v) => BigInt(v as number);
    case 'BIGINT':
      return identity;
    case 'DOUBLE':
      return (v) => doubleToLong(v as number);
    case 'DECIMAL':
      return (v) => decimalToLong(v as Decimal);
    case 'STRING':
      return (v) => parseLongText(v as string);
    default:
      return undefined;
  }
}

function toDouble(from: SqlType): Converter | undefined {
  switch (from.kind) {
    case 'INT':
    case 'DOUBLE':
      return identity;
    case 'BIGINT':
      return (v) => Number(v as bigint);
    case 'DECIMAL':
      return (v) => decimalToDouble(v as Decimal);
    case 'STRING':
      return (v) => parseDoubleText(v as string);
    default:
      return undefined;
  }
}

function toDecimal(from: SqlType, precision: number, scale: number): Converter | undefined {
  switch (from.kind) {
    case 'INT':
      return (v) => castDecimal(decimalFromInt(v as number), precision, scale);
    case 'BIGINT':
      return (v) => castDecimal(decimalFromBigInt(v as bigint), precision, scale);
    case 'DECIMAL':
      return (v) => castDecimal(v as Decimal, precision, scale);
    case 'DOUBLE':
      return (v) => doubleToDecimal(v as number, precision, scale);
    case 'STRING':
      return (v) => {
        const d = parseDecimalText(v as string);
        return d && castDecimal(d, precision, scale);
      };
    default:
      return undefined;
  }
}

/** DecimalUtil.cast(double): exact binary value rounded to `precision` digits, then HALF_UP to `scale`. */
export function doubleToDecimal(d: number, precision: number, scale: number): Decimal | null {
  const exact = decimalExactOfDouble(d);
  if (!exact) return null;
  const rounded = roundToPrecision(exact, precision);
  if (!fitsIntegerDigits(rounded, precision, scale)) return null;
  return setScaleHalfUp(rounded, scale);
}
