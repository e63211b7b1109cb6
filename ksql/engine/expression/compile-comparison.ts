import { ExpressionTypeError } from './expression-errors.ts';
import type { Comparison, Expression } from '../parser/ast.ts';
import { baseTypeName } from '../types/base-type-name.ts';
import { BOOLEAN, formatSqlType } from '../types/sql-type.ts';
import type { Ctx } from './compile-context.ts';
import { buildComparator, COMPARISON_NAMES, isValidComparison, testComparison } from './comparator.ts';
import { directComparison, hasDirectComparison } from './direct-comparison.ts';
import { magicTimestampLiteral } from './magic-timestamp.ts';
import type { CompiledExpression } from './scope.ts';

/**
 * `= <> < <= > >=` and IS [NOT] DISTINCT FROM (binary-comparison.json). As in ksqlDB's generated
 * code a NULL operand makes a comparison false (not unknown); IS DISTINCT FROM treats NULL as a
 * value. Type rules: ComparisonUtil; a NULL literal operand is rejected.
 */
export function compileComparison(e: Comparison, ctx: Ctx): CompiledExpression {
  const leftExpr = magicTimestampLiteral(e.left, e.right);
  const rightExpr = magicTimestampLiteral(e.right, e.left);
  const l = ctx.compile(leftExpr);
  const r = ctx.compile(rightExpr);
  const opName = COMPARISON_NAMES[e.operator];
  if (!l.type || !r.type) {
    throw new ExpressionTypeError(
      `Comparison with NULL not supported: ${l.type ? baseTypeName(l.type) : 'NULL'} ${e.operator} ${r.type ? baseTypeName(r.type) : 'NULL'}\nUse 'IS NULL' or 'IS NOT NULL' instead.`,
    );
  }
  if (!isValidComparison(l.type, e.operator, r.type)) {
    throw new ExpressionTypeError(
      `Cannot compare ${ctx.format(leftExpr)} (${formatSqlType(l.type)}) to ${ctx.format(rightExpr)} (${formatSqlType(r.type)}) with ${opName}.`,
    );
  }
  const le = l.evaluate;
  const re = r.evaluate;
  if (e.operator !== 'IS DISTINCT FROM' && e.operator !== 'IS NOT DISTINCT FROM') {
    if (hasDirectComparison(l.type, r.type)) {
      return { type: BOOLEAN, evaluate: directComparison(e.operator, le, re, isLiteral(rightExpr)) };
    }
    // `bigintColumn > 100`: the INT literal becomes a BIGINT once, then the direct path applies.
    if (l.type.kind === 'BIGINT' && r.type.kind === 'INT' && isLiteral(rightExpr)) {
      const v = re(undefined);
      const big = v === null ? null : BigInt(v as number);
      return { type: BOOLEAN, evaluate: directComparison(e.operator, le, () => big, true) };
    }
  }
  const cmp = buildComparator(l.type, r.type);
  const test = testComparison(e.operator);
  if (e.operator === 'IS DISTINCT FROM') {
    return {
      type: BOOLEAN,
      evaluate: (row) => {
        const a = le(row);
        const b = re(row);
        if (a === null || b === null) return (a === null) !== (b === null);
        return test(cmp(a, b));
      },
    };
  }
  if (e.operator === 'IS NOT DISTINCT FROM') {
    return {
      type: BOOLEAN,
      evaluate: (row) => {
        const a = le(row);
        const b = re(row);
        if (a === null || b === null) return a === null && b === null;
        return test(cmp(a, b));
      },
    };
  }
  return {
    type: BOOLEAN,
    evaluate: (row) => {
      const a = le(row);
      if (a === null) return false;
      const b = re(row);
      if (b === null) return false;
      return test(cmp(a, b));
    },
  };
}

/** A literal (possibly negated): its value does not depend on the row. */
export function isLiteral(e: Expression): boolean {
  switch (e.kind) {
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
    case 'StringLiteral':
    case 'BooleanLiteral':
      return true;
    case 'ArithmeticUnary':
      return isLiteral(e.operand);
    default:
      return false;
  }
}
