import { looseEquals } from '../../types/loose-equals.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';

/** NULLIF(a, b): NULL when a equals b, else a (null.json "null if"). */
export const nullif = scalarFunction('NULLIF', (t) => {
  const [ta, tb] = t;
  if (t.length !== 2 || !ta) return noOverload('NULLIF', t);
  return resolved(ta, ([a, b]) => {
    if (a === null) return null;
    if (b === null || !tb) return a;
    return looseEquals(ta, a, tb, b) ? null : a;
  });
});
