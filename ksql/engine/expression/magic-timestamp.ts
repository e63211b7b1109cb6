import { ExpressionTypeError } from './expression-errors.ts';
import type { Expression } from '../parser/ast.ts';
import { parseTimestampIso } from '../types/time-text.ts';

const MAGIC = new Set(['ROWTIME', 'WINDOWSTART', 'WINDOWEND']);

/** True for an unqualified or qualified reference to ROWTIME / WINDOWSTART / WINDOWEND. */
export function isMagicTimestampColumn(e: Expression): boolean {
  return e.kind === 'ColumnRef' && MAGIC.has(e.name.name);
}

/**
 * ksqlDB rewrites a string literal compared with ROWTIME / WINDOWSTART / WINDOWEND into epoch ms
 * (StatementRewriteForMagicPseudoTimestamp; magic-timestamp-conversion.json): ISO-8601, possibly
 * partial ('2018'), UTC unless the text has an offset ('+0445').
 */
export function magicTimestampLiteral(other: Expression, column: Expression): Expression {
  if (other.kind !== 'StringLiteral' || !isMagicTimestampColumn(column)) return other;
  const ms = parseTimestampIso(other.value);
  if (ms === null) {
    throw new ExpressionTypeError(`Failed to parse timestamp '${other.value}'`);
  }
  return { kind: 'IntegerLiteral', text: String(ms), loc: other.loc };
}
