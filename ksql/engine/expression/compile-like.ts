import { ExpressionTypeError } from './expression-errors.ts';
import type { Like } from '../parser/ast.ts';
import { BOOLEAN, formatSqlType } from '../types/sql-type.ts';
import type { Ctx } from './compile-context.ts';
import { likeToRegExp } from './like-matcher.ts';
import type { CompiledExpression } from './scope.ts';

/**
 * `v [NOT] LIKE pattern [ESCAPE 'c']` (like.json). A literal pattern is compiled once; a
 * pattern from a column is compiled when it changes. NULL value or pattern gives NULL.
 */
export function compileLike(e: Like, ctx: Ctx): CompiledExpression {
  const v = ctx.compile(e.value);
  const p = ctx.compile(e.pattern);
  for (const [c, x] of [
    [v, e.value],
    [p, e.pattern],
  ] as const) {
    if (c.type && c.type.kind !== 'STRING') {
      throw new ExpressionTypeError(
        `Unsupported LIKE operand ${ctx.format(x)} (${formatSqlType(c.type)}): LIKE only supports STRING`,
      );
    }
  }
  const ve = v.evaluate;
  const negated = e.negated;
  const escape = e.escape;
  if (e.pattern.kind === 'StringLiteral') {
    const re = likeToRegExp(e.pattern.value, escape);
    return {
      type: BOOLEAN,
      evaluate: (row) => {
        const s = ve(row);
        if (s === null) return null;
        return re.test(s as string) !== negated;
      },
    };
  }
  const pe = p.evaluate;
  let lastPattern: string | undefined;
  let lastRe = /$^/;
  return {
    type: BOOLEAN,
    evaluate: (row) => {
      const s = ve(row);
      if (s === null) return null;
      const pat = pe(row);
      if (pat === null) return null;
      if (pat !== lastPattern) {
        lastPattern = pat as string;
        lastRe = likeToRegExp(lastPattern, escape);
      }
      return lastRe.test(s as string) !== negated;
    },
  };
}
