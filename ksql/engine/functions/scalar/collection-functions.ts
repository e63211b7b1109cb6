/** MAP_KEYS, MAP_VALUES, ARRAY_JOIN, ARRAY_DISTINCT. A NULL collection gives NULL. */
import { javaToString } from '../../types/java-to-string.ts';
import { keyString } from '../../types/key-string.ts';
import { STRING, array } from '../../types/sql-type.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

export const mapKeys = scalarFunction('MAP_KEYS', (t) => {
  const m = t[0];
  return t.length === 1 && m?.kind === 'MAP'
    ? resolved(array(m.key), ([v]) => (v === null ? null : [...(v as Map<unknown, unknown>).keys()]))
    : noOverload('MAP_KEYS', t);
});

export const mapValues = scalarFunction('MAP_VALUES', (t) => {
  const m = t[0];
  return t.length === 1 && m?.kind === 'MAP'
    ? resolved(array(m.value), ([v]) => (v === null ? null : [...(v as Map<unknown, unknown>).values()]))
    : noOverload('MAP_VALUES', t);
});

/** ARRAY_JOIN(array [, delimiter = ',']): elements as text; NULL elements are skipped. */
export const arrayJoin = scalarFunction('ARRAY_JOIN', (t) => {
  const a = t[0];
  if ((t.length !== 1 && t.length !== 2) || a?.kind !== 'ARRAY' || !argIs(t[1], 'STRING')) {
    return noOverload('ARRAY_JOIN', t);
  }
  const el = a.element;
  return resolved(STRING, (args) => {
    const arr = args[0] as unknown[] | null;
    if (arr === null) return null;
    const sep = args.length > 1 ? ((args[1] as string | null) ?? '') : ',';
    return arr
      .filter((x) => x !== null && x !== undefined)
      .map((x) => javaToString(el, x))
      .join(sep);
  });
});

/** ARRAY_DISTINCT(array): first occurrences, in order. */
export const arrayDistinct = scalarFunction('ARRAY_DISTINCT', (t) => {
  const a = t[0];
  if (t.length !== 1 || a?.kind !== 'ARRAY') return noOverload('ARRAY_DISTINCT', t);
  const el = a.element;
  return resolved(a, ([arr]) => {
    if (arr === null) return null;
    const seen = new Set<string>();
    const out: unknown[] = [];
    for (const x of arr as unknown[]) {
      const k = keyString(el, x ?? null);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(x ?? null);
      }
    }
    return out;
  });
});
