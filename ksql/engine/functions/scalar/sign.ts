import { INT } from '../../types/sql-type.ts';
import { asDouble, isNumber } from './args.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';

/** SIGN(x): -1, 0 or 1 as INT (math.json). NaN gives NaN's Math.signum → 0 here. */
export const sign = scalarFunction('SIGN', (t) =>
  t.length === 1 && isNumber(t[0])
    ? resolved(INT, ([x]) => {
        if (x === null) return null;
        const d = asDouble(t[0], x);
        return d > 0 ? 1 : d < 0 ? -1 : 0;
      })
    : noOverload('SIGN', t),
);
