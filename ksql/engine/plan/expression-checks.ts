import type { Expression, FunctionCall } from '../parser/ast.ts';
import { isAggregateFunction } from '../functions/aggregate/registry.ts';
import { walkExpression } from './map-expression.ts';

export function isAggregateCall(e: Expression): e is FunctionCall {
  return e.kind === 'FunctionCall' && isAggregateFunction(e.name);
}

/** Aggregate calls in `e`, outermost first (nested ones are not descended into). */
export function aggregateCalls(e: Expression): FunctionCall[] {
  const out: FunctionCall[] = [];
  walkExpression(e, (x) => {
    if (isAggregateCall(x)) {
      out.push(x);
      return false;
    }
    return true;
  });
  return out;
}

export function containsAggregate(e: Expression): boolean {
  return aggregateCalls(e).length > 0;
}

/** Unqualified names of the columns `e` references (outside lambda bodies' own variables). */
export function referencedColumns(e: Expression): string[] {
  const out: string[] = [];
  walkExpression(e, (x) => {
    if (x.kind === 'ColumnRef') out.push(x.name.name);
    return true;
  });
  return out;
}

export function referencesAny(e: Expression, names: ReadonlySet<string>): string | undefined {
  return referencedColumns(e).find((n) => names.has(n));
}
