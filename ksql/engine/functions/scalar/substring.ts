import { STRING } from '../../types/sql-type.ts';
import { asInt } from './args.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/**
 * SUBSTRING(s, pos [, len]) on STRING or BYTES (substring.json): 1-based; a negative pos counts
 * from the end; pos 0 acts as 1; positions past the end give ''; NULL arguments give NULL.
 */
export const substring = scalarFunction('SUBSTRING', (t) => {
  if ((t.length !== 2 && t.length !== 3) || !argIs(t[0], 'STRING', 'BYTES'))
    return noOverload('SUBSTRING', t);
  if (!argIs(t[1], 'INT', 'BIGINT') || (t.length === 3 && !argIs(t[2], 'INT', 'BIGINT'))) {
    return noOverload('SUBSTRING', t);
  }
  const returnType = t[0] ?? STRING;
  return resolved(returnType, (args) => {
    const s = args[0] as string | Uint8Array | null;
    const pos = args[1];
    if (s === null || pos === null) return null;
    if (args.length === 3 && args[2] === null) return null;
    const length = s.length;
    const p = asInt(pos);
    const start = p >= 0 ? Math.min(Math.max(p - 1, 0), length) : Math.max(length + p, 0);
    let end = length;
    if (args.length === 3) {
      const l = asInt(args[2]);
      if (l < 0) return typeof s === 'string' ? '' : new Uint8Array(0);
      end = Math.max(Math.min(start + l, length), start);
    }
    return typeof s === 'string' ? s.substring(start, end) : s.slice(start, end);
  });
});
