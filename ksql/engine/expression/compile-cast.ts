import type { Cast } from '../parser/ast.ts';
import { castConverter } from '../types/cast.ts';
import { formatSqlType } from '../types/sql-type.ts';
import type { SqlType } from '../types/sql-type.ts';
import { sqlTypeFromSyntax } from '../types/type-from-syntax.ts';
import { codegenError, constant } from './compile-context.ts';
import type { Ctx } from './compile-context.ts';
import type { CompiledExpression } from './scope.ts';

/** CAST(x AS T) (cast.json): conversions in types/cast.ts; unsupported pairs fail at compile time. */
export function compileCast(e: Cast, ctx: Ctx): CompiledExpression {
  const to = sqlTypeFromSyntax(e.type);
  const c = ctx.compile(e.operand);
  return castCompiled(c, to, ctx);
}

/** Converts a compiled expression to type `to` (also used for implicit widening of CASE branches etc.). */
export function castCompiled(c: CompiledExpression, to: SqlType, ctx: Ctx): CompiledExpression {
  if (!c.type) return constant(to, null);
  const conv = castConverter(c.type, to);
  if (!conv) {
    throw codegenError(ctx, `Cast of ${formatSqlType(c.type)} to ${formatSqlType(to)} is not supported`);
  }
  const ev = c.evaluate;
  if (formatSqlType(c.type) === formatSqlType(to)) return { type: to, evaluate: ev };
  return {
    type: to,
    evaluate: (row) => {
      const v = ev(row);
      return v === null ? null : conv(v);
    },
  };
}
