import { STRING } from '../../types/sql-type.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/** REPLACE(s, target, replacement): every occurrence; any NULL argument gives NULL. */
export const replace = scalarFunction('REPLACE', (t) =>
  t.length === 3 && t.every((x) => argIs(x, 'STRING'))
    ? resolved(STRING, ([s, a, b]) =>
        s === null || a === null || b === null ? null : (s as string).split(a as string).join(b as string),
      )
    : noOverload('REPLACE', t),
);
