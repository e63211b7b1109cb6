import { INT } from '../../types/sql-type.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/** LEN(s): UTF-16 length of a STRING (Java String.length), byte count of BYTES (len.json). */
export const len = scalarFunction('LEN', (t) =>
  t.length === 1 && argIs(t[0], 'STRING', 'BYTES')
    ? resolved(INT, ([s]) => (s === null ? null : (s as string | Uint8Array).length))
    : noOverload('LEN', t),
);
