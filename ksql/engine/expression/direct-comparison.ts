import type { ComparisonOperator } from '../parser/ast.ts';
import type { SqlType } from '../types/sql-type.ts';
import type { EvalRow } from './scope.ts';

type Ev = (row: EvalRow) => unknown;
type Cmp = (a: any, b: any) => boolean;

const PLAIN_NUMBER = new Set(['INT', 'DOUBLE']);
const SAME_KIND = new Set(['BIGINT', 'STRING', 'TIMESTAMP', 'DATE', 'TIME']);

/**
 * True when JS's own operators compare the two types exactly as ksqlDB does: numbers (INT and
 * DOUBLE, NaN unordered), BIGINT with BIGINT, STRING with STRING (UTF-16 code units, Java's
 * compareTo), and a time type with itself.
 */
export function hasDirectComparison(lt: SqlType, rt: SqlType): boolean {
  return (
    (PLAIN_NUMBER.has(lt.kind) && PLAIN_NUMBER.has(rt.kind)) ||
    (lt.kind === rt.kind && SAME_KIND.has(lt.kind))
  );
}

const TESTS: Readonly<Record<Exclude<ComparisonOperator, 'IS DISTINCT FROM' | 'IS NOT DISTINCT FROM'>, Cmp>> =
  {
    '=': (a, b) => a === b,
    '<>': (a, b) => a < b || a > b,
    '<': (a, b) => a < b,
    '<=': (a, b) => a <= b,
    '>': (a, b) => a > b,
    '>=': (a, b) => a >= b,
  };

/**
 * The hot path of `a op b` for directly comparable types: a NULL side is false; a constant
 * right side (a literal) is read once.
 */
export function directComparison(
  op: Exclude<ComparisonOperator, 'IS DISTINCT FROM' | 'IS NOT DISTINCT FROM'>,
  le: Ev,
  re: Ev,
  rightConstant: boolean,
): (row: EvalRow) => boolean {
  const test = TESTS[op];
  if (rightConstant) {
    const b = re(undefined);
    if (b === null) return () => false;
    return (row) => {
      const a = le(row);
      return a !== null && test(a, b);
    };
  }
  return (row) => {
    const a = le(row);
    if (a === null) return false;
    const b = re(row);
    return b !== null && test(a, b);
  };
}
