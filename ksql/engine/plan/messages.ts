import { formatExpression } from '../expression/format-expression.ts';
import type { Expression } from '../parser/ast.ts';

/** `A, B and C` as ksqlDB joins names in messages. */
export function joinAnd(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function fmt(e: Expression): string {
  return formatExpression(e);
}

export const NULL_TYPE_MESSAGE =
  "Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).";
