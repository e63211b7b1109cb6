import type { ScalarFunction } from '../function-types.ts';
import { DOUBLE } from '../../types/sql-type.ts';
import { asDouble, isNumber } from './args.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';

/**
 * LOG(x): natural logarithm (math.json "log-base-10" expects ln(13) = 2.5649...); LOG(base, x): NaN for a base <= 0 or 1 and for x < 0, -Infinity for x = 0
 * (math.json "log-custom-base").
 */
export const log: ScalarFunction = scalarFunction('LOG', (t) => {
  if (t.length === 1 && isNumber(t[0])) {
    return resolved(DOUBLE, ([x]) => (x === null ? null : Math.log(asDouble(t[0], x))));
  }
  if (t.length === 2 && isNumber(t[0]) && isNumber(t[1])) {
    return resolved(DOUBLE, ([b, x]) => {
      if (b === null || x === null) return null;
      const base = asDouble(t[0], b);
      const v = asDouble(t[1], x);
      if (base <= 0 || base === 1) return NaN;
      return Math.log(v) / Math.log(base);
    });
  }
  return noOverload('LOG', t);
});
