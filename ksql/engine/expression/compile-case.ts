import { ExpressionTypeError } from './expression-errors.ts';
import type { Expression, SearchedCase, SimpleCase } from '../parser/ast.ts';
import { commonType } from '../types/coercion.ts';
import type { SqlType } from '../types/sql-type.ts';
import { formatSqlType } from '../types/sql-type.ts';
import { castCompiled } from './compile-cast.ts';
import type { Ctx } from './compile-context.ts';
import { buildComparator, isValidComparison } from './comparator.ts';
import type { CompiledExpression, EvalRow } from './scope.ts';

type Ev = (row: EvalRow) => unknown;

/**
 * Searched CASE (case-expression.json): WHEN conditions are evaluated in order and only the
 * chosen branch is evaluated ("should execute branches lazily"); no ELSE gives NULL. Branch types
 * are widened to a common type; all-NULL branches are an error.
 */
export function compileSearchedCase(e: SearchedCase, ctx: Ctx): CompiledExpression {
  const conds = e.whens.map((w) => {
    const c = ctx.compile(w.when);
    if (c.type && c.type.kind !== 'BOOLEAN') {
      throw new ExpressionTypeError(
        `WHEN operand type should be boolean.${'\n'}Type for '${ctx.format(w.when)}' is ${formatSqlType(c.type)}`,
      );
    }
    return c.evaluate;
  });
  const { type, thens, otherwise } = compileBranches(
    e.whens.map((w) => w.then),
    e.else,
    ctx,
  );
  const n = conds.length;
  return {
    type,
    evaluate: (row) => {
      for (let i = 0; i < n; i++) {
        if ((conds[i] as Ev)(row) === true) return (thens[i] as Ev)(row);
      }
      return otherwise(row);
    },
  };
}

/** Simple CASE: `CASE x WHEN v THEN r ...` compares x = v (NULL never matches). */
export function compileSimpleCase(e: SimpleCase, ctx: Ctx): CompiledExpression {
  const operand = ctx.compile(e.operand);
  const oe = operand.evaluate;
  const tests = e.whens.map((w) => {
    const c = ctx.compile(w.when);
    if (!operand.type || !c.type) return { ev: c.evaluate, cmp: () => NaN };
    if (!isValidComparison(operand.type, '=', c.type)) {
      throw new ExpressionTypeError(
        `Cannot compare ${ctx.format(e.operand)} (${formatSqlType(operand.type)}) to ${ctx.format(w.when)} (${formatSqlType(c.type)}) with EQUAL.`,
      );
    }
    return { ev: c.evaluate, cmp: buildComparator(operand.type, c.type) };
  });
  const { type, thens, otherwise } = compileBranches(
    e.whens.map((w) => w.then),
    e.else,
    ctx,
  );
  const n = tests.length;
  return {
    type,
    evaluate: (row) => {
      const x = oe(row);
      if (x !== null) {
        for (let i = 0; i < n; i++) {
          const t = tests[i] as { ev: Ev; cmp: (a: unknown, b: unknown) => number };
          const v = t.ev(row);
          if (v !== null && t.cmp(x, v) === 0) return (thens[i] as Ev)(row);
        }
      }
      return otherwise(row);
    },
  };
}

function compileBranches(
  thenExprs: readonly Expression[],
  elseExpr: Expression | undefined,
  ctx: Ctx,
): { type: SqlType; thens: Ev[]; otherwise: Ev } {
  const compiled = thenExprs.map((t) => ctx.compile(t));
  const elseCompiled = elseExpr ? ctx.compile(elseExpr) : undefined;
  const all = elseCompiled ? [...compiled, elseCompiled] : compiled;
  const t = commonType(all.map((c) => c.type));
  if (t === undefined)
    throw new ExpressionTypeError('Invalid Case expression. All case branches have NULL type');
  if ('error' in t) {
    throw new ExpressionTypeError(
      `Invalid Case expression. Type for all 'THEN' clauses should be the same.${'\n'}THEN expression '${ctx.format(
        (elseExpr && t.index === compiled.length ? elseExpr : thenExprs[t.index]) as Expression,
      )}' has type: ${formatSqlType(all[t.index]?.type as SqlType)}.`,
    );
  }
  const thens = compiled.map((c) => castCompiled(c, t, ctx).evaluate);
  const otherwise: Ev = elseCompiled ? castCompiled(elseCompiled, t, ctx).evaluate : () => null;
  return { type: t, thens, otherwise };
}
