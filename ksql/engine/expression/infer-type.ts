import type { Expression } from '../parser/ast.ts';
import type { SqlType } from '../types/sql-type.ts';
import { compileExpression } from './compile-expression.ts';
import type { CompileOptions, Scope } from './scope.ts';

/**
 * The SQL type of `expr` (undefined for a bare NULL), with the same checks and errors as
 * compileExpression. Compiling is cheap (no evaluation), so this shares its code path.
 */
export function inferType(expr: Expression, scope: Scope, options: CompileOptions = {}): SqlType | undefined {
  return compileExpression(expr, scope, options).type;
}
