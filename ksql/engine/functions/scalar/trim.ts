import type { ScalarFunction } from '../function-types.ts';
import { STRING } from '../../types/sql-type.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/** Java String.trim(): strips characters <= U+0020 (spaces, tabs, control characters). */
function stringFunction(name: string, f: (s: string) => string): ScalarFunction {
  return scalarFunction(name, (t) =>
    t.length === 1 && argIs(t[0], 'STRING')
      ? resolved(STRING, ([s]) => (s === null ? null : f(s as string)))
      : noOverload(name, t),
  );
}

function javaTrimStart(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) <= 0x20) i++;
  return i;
}

function javaTrimEnd(s: string): number {
  let j = s.length;
  while (j > 0 && s.charCodeAt(j - 1) <= 0x20) j--;
  return j;
}

export const trim = stringFunction('TRIM', (s) => {
  const i = javaTrimStart(s);
  return s.slice(i, Math.max(i, javaTrimEnd(s)));
});
export const ltrim = stringFunction('LTRIM', (s) => s.slice(javaTrimStart(s)));
export const rtrim = stringFunction('RTRIM', (s) => s.slice(0, javaTrimEnd(s)));
/** INITCAP: first letter of each space-separated word upper case, the rest lower case. */
export const initcap = stringFunction('INITCAP', (s) =>
  s
    .split(' ')
    .map((w) => (w.length === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join(' '),
);
