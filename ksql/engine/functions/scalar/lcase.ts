import { STRING } from '../../types/sql-type.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/** LCASE(s): lower case. */
export const lcase = scalarFunction('LCASE', (t) =>
  t.length === 1 && argIs(t[0], 'STRING')
    ? resolved(STRING, ([s]) => (s === null ? null : (s as string).toLowerCase()))
    : noOverload('LCASE', t),
);
