import { absDecimal } from '../../types/decimal-math.ts';
import type { Decimal } from '../../types/decimal.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';

/** ABS(x): same type as x; Java semantics keep INT/BIGINT minimum values unchanged. */
export const abs = scalarFunction('ABS', (t) => {
  const a = t[0];
  if (t.length !== 1 || !a) return noOverload('ABS', t);
  switch (a.kind) {
    case 'INT':
      return resolved(a, ([x]) => (x === null ? null : Math.abs(x as number) | 0));
    case 'BIGINT':
      return resolved(a, ([x]) =>
        x === null ? null : BigInt.asIntN(64, (x as bigint) < 0n ? -(x as bigint) : (x as bigint)),
      );
    case 'DOUBLE':
      return resolved(a, ([x]) => (x === null ? null : Math.abs(x as number)));
    case 'DECIMAL':
      return resolved(a, ([x]) => (x === null ? null : absDecimal(x as Decimal)));
    default:
      return noOverload('ABS', t);
  }
});
