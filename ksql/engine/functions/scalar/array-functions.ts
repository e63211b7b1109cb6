/** ARRAY_LENGTH, ARRAY_MIN, ARRAY_MAX, ARRAY_CONTAINS (in.json, filter.json use them). */
import { compareValues } from '../../types/compare-values.ts';
import { looseEquals } from '../../types/loose-equals.ts';
import { BOOLEAN, INT } from '../../types/sql-type.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';

export const arrayLength = scalarFunction('ARRAY_LENGTH', (t) =>
  t.length === 1 && (t[0] === undefined || t[0].kind === 'ARRAY')
    ? resolved(INT, ([a]) => (a === null ? null : (a as unknown[]).length))
    : noOverload('ARRAY_LENGTH', t),
);

function arrayExtreme(name: string, sign: 1 | -1) {
  return scalarFunction(name, (t) => {
    const a = t[0];
    if (t.length !== 1 || a?.kind !== 'ARRAY') return noOverload(name, t);
    const el = a.element;
    return resolved(el, ([arr]) => {
      if (arr === null) return null;
      let best: unknown = null;
      for (const v of arr as unknown[]) {
        if (v === null || v === undefined) continue;
        if (best === null || sign * compareValues(el, v, best) < 0) best = v;
      }
      return best;
    });
  });
}

/** ARRAY_MIN / ARRAY_MAX: smallest / largest non-NULL element; NULL for an empty array. */
export const arrayMin = arrayExtreme('ARRAY_MIN', 1);
export const arrayMax = arrayExtreme('ARRAY_MAX', -1);

export const arrayContains = scalarFunction('ARRAY_CONTAINS', (t) => {
  const [a, v] = t;
  if (t.length !== 2 || a?.kind !== 'ARRAY') return noOverload('ARRAY_CONTAINS', t);
  const el = a.element;
  return resolved(BOOLEAN, ([arr, x]) => {
    if (arr === null) return false;
    for (const e of arr as unknown[]) {
      if (x === null ? e === null : v !== undefined && looseEquals(el, e ?? null, v, x)) return true;
    }
    return false;
  });
});
