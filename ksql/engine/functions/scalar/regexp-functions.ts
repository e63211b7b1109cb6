/**
 * REGEXP_REPLACE(s, regex, replacement) and REGEXP_EXTRACT(regex, s [, group]). Java regular
 * expressions are mostly JS-compatible; `$1` group references work in both.
 */
import { STRING } from '../../types/sql-type.ts';
import { asInt } from './args.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

const cache = new Map<string, RegExp>();
function regex(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let r = cache.get(key);
  if (!r) {
    r = new RegExp(source, flags);
    if (cache.size > 500) cache.clear();
    cache.set(key, r);
  }
  r.lastIndex = 0;
  return r;
}

export const regexpReplace = scalarFunction('REGEXP_REPLACE', (t) =>
  t.length === 3 && t.every((x) => argIs(x, 'STRING'))
    ? resolved(STRING, ([s, re, rep]) =>
        s === null || re === null || rep === null
          ? null
          : (s as string).replace(regex(re as string, 'gu'), rep as string),
      )
    : noOverload('REGEXP_REPLACE', t),
);

export const regexpExtract = scalarFunction('REGEXP_EXTRACT', (t) =>
  (t.length === 2 || t.length === 3) &&
  argIs(t[0], 'STRING') &&
  argIs(t[1], 'STRING') &&
  argIs(t[2], 'INT', 'BIGINT')
    ? resolved(STRING, (args) => {
        const [re, s] = args;
        if (re === null || s === null) return null;
        const group = args.length > 2 ? args[2] : 0;
        if (group === null) return null;
        const m = regex(re as string, 'u').exec(s as string);
        return m ? (m[asInt(group)] ?? null) : null;
      })
    : noOverload('REGEXP_EXTRACT', t),
);
