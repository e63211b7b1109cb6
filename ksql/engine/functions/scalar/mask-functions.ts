/**
 * MASK, MASK_LEFT, MASK_RIGHT, MASK_KEEP_LEFT, MASK_KEEP_RIGHT: upper-case letters become 'X',
 * lower-case 'x', digits 'n', anything else '-', unless replacement characters are given
 * (a NULL replacement keeps that class unmasked).
 */
import type { ScalarFunction } from '../function-types.ts';
import { STRING } from '../../types/sql-type.ts';
import { asInt } from './args.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

const DEFAULTS = ['X', 'x', 'n', '-'] as const;

function maskChar(c: string, repl: readonly (string | null)[]): string {
  const cls = /\p{Lu}/u.test(c) ? 0 : /\p{Ll}/u.test(c) ? 1 : /\p{Nd}/u.test(c) ? 2 : 3;
  const r = repl[cls];
  return r === null || r === undefined ? c : r.charAt(0);
}

function replacements(args: readonly unknown[], from: number): (string | null)[] {
  return DEFAULTS.map((d, i) => (args.length > from + i ? (args[from + i] as string | null) : d));
}

/** `range(length, n)` is the [start, end) slice of the value that gets masked. */
function maskFunction(
  name: string,
  withCount: boolean,
  range: (length: number, n: number) => [number, number],
): ScalarFunction {
  const fixed = withCount ? 2 : 1;
  return scalarFunction(name, (t) => {
    if (t.length < fixed || t.length > fixed + 4 || !argIs(t[0], 'STRING')) return noOverload(name, t);
    if (withCount && !argIs(t[1], 'INT', 'BIGINT')) return noOverload(name, t);
    if (!t.slice(fixed).every((x) => argIs(x, 'STRING'))) return noOverload(name, t);
    return resolved(STRING, (args) => {
      const s = args[0] as string | null;
      if (s === null) return null;
      const n = withCount ? args[1] : 0;
      if (n === null) return null;
      const count = asInt(n);
      if (count < 0) throw new RangeError(`function ${name} requires a non-negative number`);
      const repl = replacements(args, fixed);
      const [start, end] = range(s.length, count);
      let out = s.slice(0, start);
      for (let i = start; i < end; i++) out += maskChar(s.charAt(i), repl);
      return out + s.slice(end);
    });
  });
}

export const mask = maskFunction('MASK', false, (len) => [0, len]);
export const maskLeft = maskFunction('MASK_LEFT', true, (len, n) => [0, Math.min(n, len)]);
export const maskRight = maskFunction('MASK_RIGHT', true, (len, n) => [Math.max(len - n, 0), len]);
export const maskKeepLeft = maskFunction('MASK_KEEP_LEFT', true, (len, n) => [Math.min(n, len), len]);
export const maskKeepRight = maskFunction('MASK_KEEP_RIGHT', true, (len, n) => [0, Math.max(len - n, 0)]);
