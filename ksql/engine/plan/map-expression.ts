import { assertNever } from '../../../common/assert-never.ts';
import type { Expression } from '../parser/ast.ts';

/**
 * Rewrites an expression top-down: `replace` is asked first at every node; a non-undefined
 * answer replaces the node (its children are not visited), otherwise the node's children are
 * rewritten. Used to swap aggregate calls and GROUP BY expressions for internal columns.
 */
export function mapExpression(e: Expression, replace: (e: Expression) => Expression | undefined): Expression {
  const r = replace(e);
  if (r !== undefined) return r;
  const m = (x: Expression): Expression => mapExpression(x, replace);
  switch (e.kind) {
    case 'ColumnRef':
    case 'NullLiteral':
    case 'BooleanLiteral':
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
    case 'StringLiteral':
    case 'LambdaVariable':
    case 'IntervalUnit':
    case 'TypeExpr':
      return e;
    case 'ArithmeticBinary':
    case 'Comparison':
    case 'LogicalBinary':
      return { ...e, left: m(e.left), right: m(e.right) };
    case 'ArithmeticUnary':
    case 'IsNull':
    case 'Not':
    case 'Cast':
      return { ...e, operand: m(e.operand) };
    case 'Between':
      return { ...e, value: m(e.value), lower: m(e.lower), upper: m(e.upper) };
    case 'InList':
      return { ...e, value: m(e.value), list: e.list.map(m) };
    case 'Like':
      return { ...e, value: m(e.value), pattern: m(e.pattern) };
    case 'SearchedCase':
      return {
        ...e,
        whens: e.whens.map((w) => ({ when: m(w.when), then: m(w.then) })),
        ...(e.else ? { else: m(e.else) } : {}),
      };
    case 'SimpleCase':
      return {
        ...e,
        operand: m(e.operand),
        whens: e.whens.map((w) => ({ when: m(w.when), then: m(w.then) })),
        ...(e.else ? { else: m(e.else) } : {}),
      };
    case 'FunctionCall':
      return { ...e, args: e.args.map(m) };
    case 'Subscript':
      return { ...e, base: m(e.base), index: m(e.index) };
    case 'Dereference':
      return { ...e, base: m(e.base) };
    case 'CreateArray':
      return { ...e, elements: e.elements.map(m) };
    case 'CreateMap':
      return { ...e, entries: e.entries.map((x) => ({ key: m(x.key), value: m(x.value) })) };
    case 'CreateStruct':
      return { ...e, fields: e.fields.map((f) => ({ name: f.name, value: m(f.value) })) };
    case 'Lambda':
      return { ...e, body: m(e.body) };
    default:
      return assertNever(e, 'expression');
  }
}

/** Calls `visit` on every node, top-down; return false from `visit` to skip a node's children. */
export function walkExpression(e: Expression, visit: (e: Expression) => boolean | void): void {
  mapExpression(e, (x) => (visit(x) === false ? x : undefined));
}

/** Structural identity of an expression, ignoring locations and source qualifiers. */
export function expressionKey(e: Expression): string {
  return JSON.stringify(e, (k, v: unknown) =>
    k === 'loc' || k === 'source' || k === 'quoted' ? undefined : v,
  );
}
