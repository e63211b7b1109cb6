import { DOUBLE } from '../../types/sql-type.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';

/** PI(): π as DOUBLE. */
export const pi = scalarFunction('PI', (t) =>
  t.length === 0 ? resolved(DOUBLE, () => Math.PI) : noOverload('PI', t),
);
