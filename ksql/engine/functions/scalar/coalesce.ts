import type { ResolvedScalar } from '../function-types.ts';
import { castConverter, type Converter } from '../../types/cast.ts';
import { commonType } from '../../types/coercion.ts';
import type { ArgTypes, Resolution } from './define.ts';
import { noOverload, scalarFunction } from './define.ts';

/**
 * The common type of the arguments and, per argument, a converter to it (NULL literal
 * arguments need none). Used by COALESCE and IFNULL, whose arguments must share a type up to
 * numeric widening (null.json).
 */
export type Coalesced =
  | { readonly type: NonNullable<ArgTypes[number]>; readonly converters: readonly (Converter | undefined)[] }
  | { readonly error: string };

export function unifyArguments(name: string, t: ArgTypes): Coalesced {
  const common = commonType(t);
  if (!common || 'error' in common) return noOverload(name, t);
  const converters: (Converter | undefined)[] = [];
  for (const a of t) {
    if (!a) {
      converters.push(undefined);
      continue;
    }
    const c = castConverter(a, common);
    if (!c) return noOverload(name, t);
    converters.push(c);
  }
  return { type: common, converters };
}

/** COALESCE(a, b, ...): the first non-NULL argument (null.json "coalesce"). */
export const coalesce = scalarFunction('COALESCE', (t): Resolution => {
  if (t.length === 0) return noOverload('COALESCE', t);
  const u = unifyArguments('COALESCE', t);
  if ('error' in u) return u;
  const { converters } = u;
  const r: ResolvedScalar = {
    returnType: u.type,
    invoke: (args) => {
      for (let i = 0; i < args.length; i++) {
        const v = args[i];
        if (v !== null && v !== undefined) {
          const c = converters[i];
          return c ? c(v) : v;
        }
      }
      return null;
    },
  };
  return r;
});

/** IFNULL(a, b): a unless it is NULL, else b. */
export const ifnull = scalarFunction('IFNULL', (t): Resolution => {
  if (t.length !== 2) return noOverload('IFNULL', t);
  const u = unifyArguments('IFNULL', t);
  if ('error' in u) return u;
  const [ca, cb] = u.converters;
  return {
    returnType: u.type,
    invoke: ([a, b]) => {
      if (a !== null && a !== undefined) return ca ? ca(a) : a;
      if (b === null || b === undefined) return null;
      return cb ? cb(b) : b;
    },
  };
});
