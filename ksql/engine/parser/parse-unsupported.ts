import type { Unsupported } from './ast.ts';
import type { Cursor } from './cursor.ts';
import type { StatementHead } from './statement-base.ts';

/**
 * A statement of the grammar that the engine does not model (CREATE TYPE, connectors, ALTER,
 * PRINT, PAUSE/RESUME, ASSERT TOPIC/SCHEMA...): its remaining tokens are consumed unchecked and
 * the planner rejects it by `feature`.
 */
export function skipUnsupported(c: Cursor, head: StatementHead, feature: string): Unsupported {
  while (c.peek().kind !== 'eof' && !c.isOp(';')) c.next();
  return { kind: 'Unsupported', ...head, feature };
}
