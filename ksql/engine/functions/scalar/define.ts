import type { FunctionContext, ResolvedScalar, ScalarFunction } from '../function-types.ts';
import type { SqlType } from '../../types/sql-type.ts';
import { formatSqlType } from '../../types/sql-type.ts';

export type ArgTypes = readonly (SqlType | undefined)[];
export type Resolution = ResolvedScalar | { readonly error: string };

/** ksqlDB's message when no overload accepts the arguments. */
export function noOverload(name: string, argTypes: ArgTypes): { readonly error: string } {
  return {
    error: `Function '${name}' does not accept parameters (${argTypes.map((t) => (t ? formatSqlType(t) : 'null')).join(', ')})`,
  };
}

export function scalarFunction(name: string, resolve: (argTypes: ArgTypes) => Resolution): ScalarFunction {
  return { name, resolve };
}

/**
 * A resolved overload. `invoke` must not keep a reference to its `args` array: the expression
 * compiler reuses one array per call site.
 */
export function resolved(
  returnType: SqlType,
  invoke: (args: readonly unknown[], ctx: FunctionContext) => unknown,
): ResolvedScalar {
  return { returnType, invoke };
}

/** An argument type is acceptable for a parameter of kind `kind` (NULL literals fit anything). */
export function argIs(t: SqlType | undefined, ...kinds: SqlType['kind'][]): boolean {
  return t === undefined || kinds.includes(t.kind);
}
