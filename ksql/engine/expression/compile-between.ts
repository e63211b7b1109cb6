import { ExpressionTypeError } from './expression-errors.ts';
import type { Between } from '../parser/ast.ts';
import { BOOLEAN, formatSqlType } from '../types/sql-type.ts';
import type { Ctx } from './compile-context.ts';
import { buildComparator, isValidComparison } from './comparator.ts';
import { magicTimestampLiteral } from './magic-timestamp.ts';
import type { CompiledExpression } from './scope.ts';

/**
 * `v [NOT] BETWEEN lo AND hi` = `lo <= v AND v <= hi` (between.json). Any NULL operand gives
 * false for both BETWEEN and NOT BETWEEN (ksqlDB's generated code null-checks first). String
 * bounds of ROWTIME / WINDOWSTART / WINDOWEND are timestamps (magic-timestamp-conversion.json).
 */
export function compileBetween(e: Between, ctx: Ctx): CompiledExpression {
  const v = ctx.compile(e.value);
  const lo = ctx.compile(magicTimestampLiteral(e.lower, e.value));
  const hi = ctx.compile(magicTimestampLiteral(e.upper, e.value));
  if (!v.type)
    throw new ExpressionTypeError(`Invalid Between expression: value ${ctx.format(e.value)} is NULL`);
  for (const [bound, expr] of [
    [lo, e.lower],
    [hi, e.upper],
  ] as const) {
    if (bound.type && !isValidComparison(v.type, '>=', bound.type)) {
      throw new ExpressionTypeError(
        `Cannot compare ${ctx.format(e.value)} (${formatSqlType(v.type)}) to ${ctx.format(expr)} (${formatSqlType(bound.type)}) with BETWEEN.`,
      );
    }
  }
  const ve = v.evaluate;
  const le = lo.evaluate;
  const he = hi.evaluate;
  const cl = lo.type ? buildComparator(v.type, lo.type) : () => NaN;
  const ch = hi.type ? buildComparator(v.type, hi.type) : () => NaN;
  const negated = e.negated;
  return {
    type: BOOLEAN,
    evaluate: (row) => {
      const x = ve(row);
      if (x === null) return false;
      const a = le(row);
      if (a === null) return false;
      const b = he(row);
      if (b === null) return false;
      const inside = cl(x, a) >= 0 && ch(x, b) <= 0;
      return negated ? !inside : inside;
    },
  };
}
