import { decimalToDouble, decimalValueOfDouble, setScaleMode } from '../../types/decimal-math.ts';
import type { Decimal } from '../../types/decimal.ts';
import { doubleToLong } from '../../types/java-int.ts';
import { BIGINT, DOUBLE, decimal } from '../../types/sql-type.ts';
import { asInt } from './args.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/**
 * TRUNC(x [, places]) (math.json): rounds toward zero. INT/BIGINT/DOUBLE → BIGINT,
 * DOUBLE with places → DOUBLE, DECIMAL(p, s) → DECIMAL(p - s, 0), DECIMAL with places keeps
 * DECIMAL(p, s) and its scale.
 */
export const trunc = scalarFunction('TRUNC', (t) => {
  const [a, b] = t;
  if (t.length === 1) {
    if (argIs(a, 'INT')) return resolved(BIGINT, ([x]) => (x === null ? null : BigInt(x as number)));
    if (a?.kind === 'BIGINT') return resolved(BIGINT, ([x]) => x);
    if (a?.kind === 'DOUBLE')
      return resolved(BIGINT, ([x]) => (x === null ? null : doubleToLong(x as number)));
    if (a?.kind === 'DECIMAL') {
      return resolved(decimal(Math.max(a.precision - a.scale, 1), 0), ([x]) =>
        x === null ? null : setScaleMode(x as Decimal, 0, 'DOWN'),
      );
    }
  }
  if (t.length === 2 && argIs(b, 'INT', 'BIGINT')) {
    if (argIs(a, 'INT', 'BIGINT', 'DOUBLE')) {
      return resolved(DOUBLE, ([x, p]) => {
        if (x === null || p === null) return null;
        const d = decimalValueOfDouble(typeof x === 'bigint' ? Number(x) : (x as number));
        return d === null ? (x as number) : decimalToDouble(setScaleMode(d, asInt(p), 'DOWN'));
      });
    }
    if (a?.kind === 'DECIMAL') {
      const scale = a.scale;
      return resolved(a, ([x, p]) =>
        x === null || p === null
          ? null
          : setScaleMode(setScaleMode(x as Decimal, asInt(p), 'DOWN'), scale, 'DOWN'),
      );
    }
  }
  return noOverload('TRUNC', t);
});
