import { noOverload, resolved, scalarFunction } from './define.ts';

/** AS_VALUE(x): x itself; copies a key column into the value (as_value.json, reference e.11). */
export const asValue = scalarFunction('AS_VALUE', (t) => {
  const a = t[0];
  return t.length === 1 && a ? resolved(a, ([x]) => x) : noOverload('AS_VALUE', t);
});
