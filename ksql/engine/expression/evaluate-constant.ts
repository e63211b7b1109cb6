import type { Expression } from '../parser/ast.ts';
import { castConverter } from '../types/cast.ts';
import { implicitConverter } from '../types/implicit-coercion.ts';
import type { SqlType } from '../types/sql-type.ts';
import { compileExpression } from './compile-expression.ts';
import type { CompileOptions, Scope } from './scope.ts';

const NO_COLUMNS: Scope = { resolveColumn: () => undefined };

/**
 * Evaluates an expression that reads no columns (INSERT VALUES, ASSERT VALUES:
 * `FROM_UNIXTIME(1700000000000)`, `ARRAY[1, 2]`, `CAST('2020-01-01' AS DATE)`) and, when
 * `target` is given, converts the value to it: implicit coercion first (numeric widening,
 * ISO strings, base64 bytes), else CAST rules. Throws ksqlDB's errors for column references
 * ("VALUES column 'X' cannot be resolved.") and type errors.
 */
export function evaluateConstant(
  expr: Expression,
  target?: SqlType,
  options: CompileOptions = { clause: 'VALUES' },
): { readonly type: SqlType | undefined; readonly value: unknown } {
  const c = compileExpression(expr, NO_COLUMNS, options);
  const v = c.evaluate(undefined);
  if (!target || !c.type || v === null) return { type: target ?? c.type, value: v };
  const conv = implicitConverter(c.type, target) ?? castConverter(c.type, target);
  return { type: target, value: conv ? conv(v) : v };
}
