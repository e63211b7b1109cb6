import { setScaleMode, decimalValueOfDouble, decimalToDouble } from '../../types/decimal-math.ts';
import type { Decimal } from '../../types/decimal.ts';
import { BIGINT, DOUBLE, decimal } from '../../types/sql-type.ts';
import { asInt } from './args.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/**
 * ROUND(x [, places]) (math.json): halves round toward positive infinity (ROUND(-1.5) = -1),
 * like Java's Math.round; ksqlDB's Round uses HALF_UP for positive and HALF_DOWN for other
 * values. INT/BIGINT → BIGINT, DOUBLE → BIGINT, DOUBLE with places → DOUBLE,
 * DECIMAL(p, s) → DECIMAL(p - s, 0), DECIMAL with places keeps DECIMAL(p, s).
 */
export function roundDecimal(d: Decimal, places: number): Decimal {
  return setScaleMode(d, places, d.unscaled > 0n ? 'HALF_UP' : 'HALF_DOWN');
}

export const round = scalarFunction('ROUND', (t) => {
  const [a, b] = t;
  if (t.length === 1) {
    if (argIs(a, 'INT')) return resolved(BIGINT, ([x]) => (x === null ? null : BigInt(x as number)));
    if (a?.kind === 'BIGINT') return resolved(BIGINT, ([x]) => x);
    if (a?.kind === 'DOUBLE') {
      return resolved(BIGINT, ([x]) => (x === null ? null : javaMathRound(x as number)));
    }
    if (a?.kind === 'DECIMAL') {
      return resolved(decimal(Math.max(a.precision - a.scale, 1), 0), ([x]) =>
        x === null ? null : roundDecimal(x as Decimal, 0),
      );
    }
  }
  if (t.length === 2 && argIs(b, 'INT', 'BIGINT')) {
    if (argIs(a, 'INT', 'BIGINT', 'DOUBLE')) {
      return resolved(DOUBLE, ([x, p]) => {
        if (x === null || p === null) return null;
        const d = decimalValueOfDouble(typeof x === 'bigint' ? Number(x) : (x as number));
        return d === null ? (x as number) : decimalToDouble(roundDecimal(d, asInt(p)));
      });
    }
    if (a?.kind === 'DECIMAL') {
      const scale = a.scale;
      return resolved(a, ([x, p]) =>
        x === null || p === null
          ? null
          : setScaleMode(roundDecimal(x as Decimal, asInt(p)), scale, 'HALF_UP'),
      );
    }
  }
  return noOverload('ROUND', t);
});

/** Java Math.round(double): floor(x + 0.5) as a long; NaN → 0. */
export function javaMathRound(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (!Number.isFinite(x)) return x > 0 ? 9223372036854775807n : -9223372036854775808n;
  return BigInt(Math.floor(x + 0.5));
}
