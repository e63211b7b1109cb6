import type { LogicalBinary, Not } from '../parser/ast.ts';
import { BOOLEAN } from '../types/sql-type.ts';
import type { Ctx } from './compile-context.ts';
import { NULL_OPERAND } from './eval-error.ts';
import type { CompiledExpression } from './scope.ts';

/**
 * AND / OR with short-circuit evaluation. ksqlDB generates Java `&&` / `||` over Boolean objects,
 * so a NULL operand that is actually evaluated is an error (EvalError: the whole expression is
 * NULL, a filter drops the row) while a short-circuited one is not looked at: `false AND NULL`
 * is false, `true OR NULL` is true, `NULL AND false` fails.
 */
export function compileLogicalBinary(e: LogicalBinary, ctx: Ctx): CompiledExpression {
  const le = ctx.compile(e.left).evaluate;
  const re = ctx.compile(e.right).evaluate;
  if (e.operator === 'AND') {
    return {
      type: BOOLEAN,
      evaluate: (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        if (a === false) return false;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        return b;
      },
    };
  }
  return {
    type: BOOLEAN,
    evaluate: (row) => {
      const a = le(row);
      if (a === null) throw NULL_OPERAND;
      if (a === true) return true;
      return re(row);
    },
  };
}

/** NOT: a NULL operand fails like Java's `!null`. */
export function compileNot(e: Not, ctx: Ctx): CompiledExpression {
  const ev = ctx.compile(e.operand).evaluate;
  return {
    type: BOOLEAN,
    evaluate: (row) => {
      const v = ev(row);
      if (v === null) throw NULL_OPERAND;
      return !v;
    },
  };
}
