import type { Expression } from '../parser/ast.ts';
import type { FunctionContext, ScalarFunction } from '../functions/function-types.ts';
import { KsqlStatementError } from '../errors.ts';
import type { SqlType } from '../types/sql-type.ts';
import type { CompiledExpression, CompileOptions, Scope } from './scope.ts';

/** A lambda parameter in scope: its type and the slot the lambda writes before each call. */
export interface LambdaVar {
  readonly type: SqlType;
  readonly slot: { value: unknown };
}

/** State shared by the node compilers of one compileExpression call. */
export interface Ctx {
  readonly scope: Scope;
  readonly options: CompileOptions;
  readonly functionContext: FunctionContext;
  readonly lookupFunction: (name: string) => ScalarFunction | undefined;
  readonly lambdaVars: ReadonlyMap<string, LambdaVar>;
  /** Prints an expression for an error message, as ksqlDB would (see ColumnBinding.displayText). */
  format(e: Expression): string;
  /** Compiles a sub-expression in this context. */
  compile(e: Expression): CompiledExpression;
  /** The same context with more lambda variables in scope. */
  withLambdaVars(vars: ReadonlyMap<string, LambdaVar>): Ctx;
}

/**
 * Errors ksqlDB raises while generating code rather than while type-checking carry the clause's
 * prefix: "Invalid Select: ..." in projections, "Invalid Predicate: ..." in WHERE/HAVING.
 */
export function codegenError(ctx: Ctx, message: string): KsqlStatementError {
  const clause = ctx.options.clause?.toUpperCase();
  const prefix =
    clause === 'WHERE' || clause === 'HAVING'
      ? 'Invalid Predicate: '
      : clause === 'SELECT'
        ? 'Invalid Select: '
        : '';
  return new KsqlStatementError(prefix + message);
}

export function constant(type: SqlType | undefined, value: unknown): CompiledExpression {
  return { type, evaluate: () => value };
}
