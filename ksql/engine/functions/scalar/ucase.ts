import { STRING } from '../../types/sql-type.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/** UCASE(s): upper case (Java toUpperCase in the root locale). */
export const ucase = scalarFunction('UCASE', (t) =>
  t.length === 1 && argIs(t[0], 'STRING')
    ? resolved(STRING, ([s]) => (s === null ? null : (s as string).toUpperCase()))
    : noOverload('UCASE', t),
);
