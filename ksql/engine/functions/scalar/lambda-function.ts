import type { ScalarFunction } from '../function-types.ts';
import type { SqlType } from '../../types/sql-type.ts';

/**
 * A scalar function taking lambda arguments (TRANSFORM, FILTER, REDUCE). The expression compiler
 * first asks for the parameter types of each lambda argument (from the other arguments' types),
 * compiles the lambda body, then calls `resolve` with the body's type in the lambda's position.
 * At runtime `invoke` receives each lambda as a JS function `(...params) => value`.
 */
export interface LambdaScalarFunction extends ScalarFunction {
  lambdaParamTypes(
    argTypes: readonly (SqlType | undefined)[],
    lambdaIndex: number,
  ): readonly SqlType[] | { readonly error: string };
}

export function isLambdaFunction(f: ScalarFunction): f is LambdaScalarFunction {
  return typeof (f as Partial<LambdaScalarFunction>).lambdaParamTypes === 'function';
}

export type LambdaValue = (...params: unknown[]) => unknown;
