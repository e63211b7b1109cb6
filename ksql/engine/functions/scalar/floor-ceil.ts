import type { ScalarFunction } from '../function-types.ts';
import { setScaleMode } from '../../types/decimal-math.ts';
import type { Decimal } from '../../types/decimal.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';

/**
 * FLOOR / CEIL (math.json): INT, BIGINT and DOUBLE keep their type; DECIMAL keeps its type and
 * scale (the value is rounded to an integer, then re-scaled).
 */
function floorOrCeil(name: string, ceil: boolean): ScalarFunction {
  const mathFn = ceil ? Math.ceil : Math.floor;
  return scalarFunction(name, (t) => {
    const a = t[0];
    if (t.length !== 1) return noOverload(name, t);
    if (a === undefined || a.kind === 'INT' || a.kind === 'BIGINT')
      return resolved(a ?? { kind: 'INT' }, ([x]) => x);
    if (a.kind === 'DOUBLE') return resolved(a, ([x]) => (x === null ? null : mathFn(x as number)));
    if (a.kind === 'DECIMAL') {
      const scale = a.scale;
      return resolved(a, ([x]) =>
        x === null
          ? null
          : setScaleMode(setScaleMode(x as Decimal, 0, ceil ? 'CEILING' : 'FLOOR'), scale, 'DOWN'),
      );
    }
    return noOverload(name, t);
  });
}

export const floor = floorOrCeil('FLOOR', false);
export const ceil = floorOrCeil('CEIL', true);
