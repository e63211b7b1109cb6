import { DOUBLE } from '../../types/sql-type.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';

/** RANDOM(): a DOUBLE in [0, 1). */
export const random = scalarFunction('RANDOM', (t) =>
  t.length === 0 ? resolved(DOUBLE, () => Math.random()) : noOverload('RANDOM', t),
);
