import type { ScalarFunction } from '../function-types.ts';
import { SCALAR_FUNCTIONS } from './all-functions.ts';

const BY_NAME = new Map<string, ScalarFunction>(SCALAR_FUNCTIONS.map((f) => [f.name.toUpperCase(), f]));

/** The scalar function (UDF) called `name`, case-insensitively, or undefined. */
export function getScalarFunction(name: string): ScalarFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export function scalarFunctionNames(): string[] {
  return [...BY_NAME.keys()].sort();
}
