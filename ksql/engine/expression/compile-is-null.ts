import type { IsNull } from '../parser/ast.ts';
import { BOOLEAN } from '../types/sql-type.ts';
import type { Ctx } from './compile-context.ts';
import type { CompiledExpression } from './scope.ts';

/** `x IS [NOT] NULL` (null.json). */
export function compileIsNull(e: IsNull, ctx: Ctx): CompiledExpression {
  const ev = ctx.compile(e.operand).evaluate;
  return e.negated
    ? { type: BOOLEAN, evaluate: (row) => ev(row) !== null }
    : { type: BOOLEAN, evaluate: (row) => ev(row) === null };
}
