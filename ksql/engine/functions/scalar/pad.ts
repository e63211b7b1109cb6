import type { ScalarFunction } from '../function-types.ts';
import { STRING } from '../../types/sql-type.ts';
import { asInt } from './args.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/** LPAD / RPAD(s, length, padding): pads or truncates to length; empty padding or negative length → NULL. */
function pad(name: string, left: boolean): ScalarFunction {
  return scalarFunction(name, (t) =>
    t.length === 3 && argIs(t[0], 'STRING') && argIs(t[1], 'INT', 'BIGINT') && argIs(t[2], 'STRING')
      ? resolved(STRING, ([s, l, p]) => {
          if (s === null || l === null || p === null) return null;
          const n = asInt(l);
          const padding = p as string;
          const str = s as string;
          if (n < 0 || (padding === '' && str.length < n)) return null;
          if (str.length >= n) return str.slice(0, n);
          return left ? str.padStart(n, padding) : str.padEnd(n, padding);
        })
      : noOverload(name, t),
  );
}

export const lpad = pad('LPAD', true);
export const rpad = pad('RPAD', false);
