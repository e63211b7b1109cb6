import { INT } from '../../types/sql-type.ts';
import { asInt } from './args.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/**
 * INSTR(s, sub [, position [, occurrence]]): 1-based index of the occurrence-th match searching
 * from position (negative: backwards from the end), 0 when absent (filter.json uses it).
 */
export const instr = scalarFunction('INSTR', (t) => {
  if (t.length < 2 || t.length > 4 || !argIs(t[0], 'STRING') || !argIs(t[1], 'STRING')) {
    return noOverload('INSTR', t);
  }
  return resolved(INT, (args) => {
    const s = args[0] as string | null;
    const sub = args[1] as string | null;
    if (s === null || sub === null) return null;
    const position = args.length > 2 ? args[2] : 1;
    const occurrence = args.length > 3 ? args[3] : 1;
    if (position === null || occurrence === null) return null;
    const pos = asInt(position);
    let n = asInt(occurrence);
    if (pos >= 0) {
      let from = Math.max(pos - 1, 0);
      for (;;) {
        const i = s.indexOf(sub, from);
        if (i < 0) return 0;
        if (--n <= 0) return i + 1;
        from = i + 1;
      }
    }
    let from = s.length + pos;
    for (;;) {
      if (from < 0) return 0;
      const i = s.lastIndexOf(sub, from);
      if (i < 0) return 0;
      if (--n <= 0) return i + 1;
      from = i - 1;
    }
  });
});
