import { ExpressionTypeError } from './expression-errors.ts';
import type { Expression, SearchedCase, SimpleCase, WhenClause } from '../parser/ast.ts';
import type { SqlType } from '../types/sql-type.ts';
import { formatSqlType } from '../types/sql-type.ts';
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
  const { type, thens, otherwise } = compileBranches(e.whens, e.else, ctx);
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
  const { type, thens, otherwise } = compileBranches(e.whens, e.else, ctx);
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
  whens: readonly WhenClause[],
  elseExpr: Expression | undefined,
  ctx: Ctx,
): { type: SqlType; thens: Ev[]; otherwise: Ev } {
  // ksqlDB's ExpressionTypeManager: every non-NULL THEN has exactly the same type (no widening),
  // and so has a non-NULL ELSE.
  const compiled = whens.map((w) => ctx.compile(w.then));
  let whenType: SqlType | undefined;
  compiled.forEach((c, i) => {
    if (!c.type) return;
    if (!whenType) {
      whenType = c.type;
      return;
    }
    if (formatSqlType(c.type) !== formatSqlType(whenType)) {
      const w = whens[i] as WhenClause;
      throw new ExpressionTypeError(
        `Invalid Case expression. Type for all 'THEN' clauses should be the same.\nTHEN expression 'WHEN ${ctx.format(w.when)} THEN ${ctx.format(w.then)}' has type: ${formatSqlType(c.type)}.\nPrevious THEN expression(s) type: ${formatSqlType(whenType)}.`,
      );
    }
  });
  const elseCompiled = elseExpr ? ctx.compile(elseExpr) : undefined;
  if (whenType && elseCompiled?.type && formatSqlType(whenType) !== formatSqlType(elseCompiled.type)) {
    throw new ExpressionTypeError(
      `Invalid Case expression. Type for the default clause should be the same as for 'THEN' clauses.\nTHEN type: ${formatSqlType(whenType)}.\nDEFAULT type: ${formatSqlType(elseCompiled.type)}.`,
    );
  }
  const type = whenType ?? elseCompiled?.type;
  if (!type) throw new ExpressionTypeError('Invalid Case expression. All case branches have NULL type');
  const thens = compiled.map((c) => c.evaluate);
  const otherwise: Ev = elseCompiled ? elseCompiled.evaluate : () => null;
  return { type, thens, otherwise };
}
