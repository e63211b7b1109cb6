import { STRING, array } from '../../types/sql-type.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/** SPLIT(s, delimiter) → ARRAY<STRING>; an empty delimiter splits into characters. */
export const split = scalarFunction('SPLIT', (t) =>
  t.length === 2 && argIs(t[0], 'STRING') && argIs(t[1], 'STRING')
    ? resolved(array(STRING), ([s, d]) =>
        s === null || d === null ? null : (s as string).split(d as string),
      )
    : noOverload('SPLIT', t),
);
