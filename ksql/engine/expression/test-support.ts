/** AST builders and a record-backed Scope for the expression tests (not used by the engine). */
import type * as A from '../parser/ast.ts';
import type { SqlType } from '../types/sql-type.ts';
import { compileExpression } from './compile-expression.ts';
import type { CompileOptions, Scope } from './scope.ts';

const loc: A.Location = { line: 1, column: 1 };
const id = (name: string, quoted = false): A.Identifier => ({ name, quoted });

export const col = (name: string, source?: string): A.Expression =>
  source
    ? { kind: 'ColumnRef', name: id(name), source: id(source), loc }
    : { kind: 'ColumnRef', name: id(name), loc };
export const int = (text: string | number): A.Expression => ({
  kind: 'IntegerLiteral',
  text: String(text),
  loc,
});
export const dec = (text: string): A.Expression => ({ kind: 'DecimalLiteral', text, loc });
export const dbl = (text: string): A.Expression => ({ kind: 'DoubleLiteral', text, loc });
export const str = (value: string): A.Expression => ({ kind: 'StringLiteral', value, loc });
export const bool = (value: boolean): A.Expression => ({ kind: 'BooleanLiteral', value, loc });
export const nul = (): A.Expression => ({ kind: 'NullLiteral', loc });
export const arith = (
  operator: A.ArithmeticOperator,
  left: A.Expression,
  right: A.Expression,
): A.Expression => ({
  kind: 'ArithmeticBinary',
  operator,
  left,
  right,
  loc,
});
export const neg = (operand: A.Expression): A.Expression => ({
  kind: 'ArithmeticUnary',
  sign: '-',
  operand,
  loc,
});
export const cmp = (
  operator: A.ComparisonOperator,
  left: A.Expression,
  right: A.Expression,
): A.Expression => ({
  kind: 'Comparison',
  operator,
  left,
  right,
  loc,
});
export const and = (left: A.Expression, right: A.Expression): A.Expression => ({
  kind: 'LogicalBinary',
  operator: 'AND',
  left,
  right,
  loc,
});
export const or = (left: A.Expression, right: A.Expression): A.Expression => ({
  kind: 'LogicalBinary',
  operator: 'OR',
  left,
  right,
  loc,
});
export const not = (operand: A.Expression): A.Expression => ({ kind: 'Not', operand, loc });
export const isNull = (operand: A.Expression, negated = false): A.Expression => ({
  kind: 'IsNull',
  operand,
  negated,
  loc,
});
export const between = (
  value: A.Expression,
  lower: A.Expression,
  upper: A.Expression,
  negated = false,
): A.Expression => ({
  kind: 'Between',
  value,
  lower,
  upper,
  negated,
  loc,
});
export const inList = (value: A.Expression, list: A.Expression[], negated = false): A.Expression => ({
  kind: 'InList',
  value,
  list,
  negated,
  loc,
});
export const like = (
  value: A.Expression,
  pattern: A.Expression,
  escape?: string,
  negated = false,
): A.Expression =>
  escape === undefined
    ? { kind: 'Like', value, pattern, negated, loc }
    : { kind: 'Like', value, pattern, escape, negated, loc };
export const cast = (operand: A.Expression, type: A.TypeSyntax): A.Expression => ({
  kind: 'Cast',
  operand,
  type,
  loc,
});
export const prim = (name: A.PrimitiveTypeName): A.TypeSyntax => ({ kind: 'Primitive', name });
export const decType = (precision: number, scale: number): A.TypeSyntax => ({
  kind: 'Decimal',
  precision,
  scale,
});
export const call = (name: string, ...args: A.Expression[]): A.Expression => ({
  kind: 'FunctionCall',
  name: name.toUpperCase(),
  args,
  star: false,
  loc,
});
export const searchedCase = (
  whens: [A.Expression, A.Expression][],
  otherwise?: A.Expression,
): A.Expression =>
  otherwise
    ? { kind: 'SearchedCase', whens: whens.map(([when, then]) => ({ when, then })), else: otherwise, loc }
    : { kind: 'SearchedCase', whens: whens.map(([when, then]) => ({ when, then })), loc };
export const simpleCase = (
  operand: A.Expression,
  whens: [A.Expression, A.Expression][],
  otherwise?: A.Expression,
): A.Expression =>
  otherwise
    ? {
        kind: 'SimpleCase',
        operand,
        whens: whens.map(([when, then]) => ({ when, then })),
        else: otherwise,
        loc,
      }
    : { kind: 'SimpleCase', operand, whens: whens.map(([when, then]) => ({ when, then })), loc };
export const subscript = (base: A.Expression, index: A.Expression): A.Expression => ({
  kind: 'Subscript',
  base,
  index,
  loc,
});
export const deref = (base: A.Expression, field: string): A.Expression => ({
  kind: 'Dereference',
  base,
  field: id(field),
  loc,
});
export const array = (...elements: A.Expression[]): A.Expression => ({ kind: 'CreateArray', elements, loc });
export const mapOf = (...entries: [A.Expression, A.Expression][]): A.Expression => ({
  kind: 'CreateMap',
  entries: entries.map(([key, value]) => ({ key, value })),
  loc,
});
export const structOf = (...fields: [string, A.Expression][]): A.Expression => ({
  kind: 'CreateStruct',
  fields: fields.map(([name, value]) => ({ name: id(name), value })),
  loc,
});
export const lambda = (params: string[], body: A.Expression): A.Expression => ({
  kind: 'Lambda',
  params,
  body,
  loc,
});

/** A scope over plain records: `{ COL: value }`. */
export function recordScope(columns: Record<string, SqlType>): Scope {
  return {
    resolveColumn(name) {
      const type = columns[name];
      return type && { type, read: (row) => (row as Record<string, unknown>)[name] ?? null };
    },
  };
}

/** Compiles against `columns` and evaluates on `row`. */
export function evalExpr(
  e: A.Expression,
  columns: Record<string, SqlType> = {},
  row: Record<string, unknown> = {},
  options: CompileOptions = {},
): unknown {
  return compileExpression(e, recordScope(columns), options).evaluate(row);
}

export function typeOf(e: A.Expression, columns: Record<string, SqlType> = {}): SqlType | undefined {
  return compileExpression(e, recordScope(columns)).type;
}
