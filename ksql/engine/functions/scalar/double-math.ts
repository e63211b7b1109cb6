import { DOUBLE } from '../../types/sql-type.ts';
import { asDouble, isNumber } from './args.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';
import type { ScalarFunction } from '../function-types.ts';

/**
 * A function of one number returning DOUBLE (EXP, LN, SQRT, CBRT, trig...): INT, BIGINT,
 * DOUBLE and DECIMAL arguments are widened to double like ksqlDB's Java overloads (math.json).
 */
export function unaryDoubleFunction(name: string, f: (x: number) => number): ScalarFunction {
  return scalarFunction(name, (t) =>
    t.length === 1 && isNumber(t[0])
      ? resolved(DOUBLE, ([x]) => (x === null ? null : f(asDouble(t[0], x))))
      : noOverload(name, t),
  );
}

/** A function of two numbers returning DOUBLE (ATAN2, POWER, LOG(base, x)). */
export function binaryDoubleFunction(name: string, f: (x: number, y: number) => number): ScalarFunction {
  return scalarFunction(name, (t) =>
    t.length === 2 && isNumber(t[0]) && isNumber(t[1])
      ? resolved(DOUBLE, ([x, y]) =>
          x === null || y === null ? null : f(asDouble(t[0], x), asDouble(t[1], y)),
        )
      : noOverload(name, t),
  );
}
