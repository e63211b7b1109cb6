import type { LogicalBinary, Not } from '../parser/ast.ts';
import { BOOLEAN } from '../types/sql-type.ts';
import type { Ctx } from './compile-context.ts';
import type { CompiledExpression } from './scope.ts';

/**
 * AND / OR with short-circuit evaluation. ksqlDB generates Java `&&` / `||` over Boolean objects,
 * so a NULL operand that is actually evaluated is an error (NULL result, the row dropped by a
 * filter) while a short-circuited one is not looked at: `false AND NULL` is false,
 * `true OR NULL` is true, `NULL AND false` is NULL.
 */
export function compileLogicalBinary(e: LogicalBinary, ctx: Ctx): CompiledExpression {
  const le = ctx.compile(e.left).evaluate;
  const re = ctx.compile(e.right).evaluate;
  if (e.operator === 'AND') {
    return {
      type: BOOLEAN,
      evaluate: (row) => {
        const a = le(row);
        if (a === null) return null;
        if (a === false) return false;
        return re(row);
      },
    };
  }
  return {
    type: BOOLEAN,
    evaluate: (row) => {
      const a = le(row);
      if (a === null) return null;
      if (a === true) return true;
      return re(row);
    },
  };
}

/** NOT: NULL stays NULL. */
export function compileNot(e: Not, ctx: Ctx): CompiledExpression {
  const ev = ctx.compile(e.operand).evaluate;
  return {
    type: BOOLEAN,
    evaluate: (row) => {
      const v = ev(row);
      return v === null ? null : !v;
    },
  };
}
