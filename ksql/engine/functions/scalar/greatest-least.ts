import type { ScalarFunction } from '../function-types.ts';
import { compareValues } from '../../types/compare-values.ts';
import type { Coalesced } from './coalesce.ts';
import { unifyArguments } from './coalesce.ts';
import { noOverload, scalarFunction } from './define.ts';

/** GREATEST / LEAST(a, b, ...): NULLs are ignored; all NULL gives NULL; arguments widen to a common type. */
function extreme(name: string, sign: 1 | -1): ScalarFunction {
  return scalarFunction(name, (t) => {
    if (t.length === 0) return noOverload(name, t);
    const u: Coalesced = unifyArguments(name, t);
    if ('error' in u) return u;
    const { type, converters } = u;
    return {
      returnType: type,
      invoke: (args) => {
        let best: unknown = null;
        for (let i = 0; i < args.length; i++) {
          const raw = args[i];
          if (raw === null || raw === undefined) continue;
          const c = converters[i];
          const v = c ? c(raw) : raw;
          if (best === null || sign * compareValues(type, v, best) > 0) best = v;
        }
        return best;
      },
    };
  });
}

export const greatest = extreme('GREATEST', 1);
export const least = extreme('LEAST', -1);
