import type { Duration, Location, WindowExpression } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { TIME_UNITS } from './parse-function-call.ts';
import { parseIntegerNumber } from './parse-literal.ts';

/** `number windowUnit`, e.g. `30 SECONDS` or `1 minute` (singular units become plural). */
export function parseDuration(c: Cursor): Duration {
  const value = parseIntegerNumber(c);
  const t = c.peek();
  const unit = t.kind === 'word' ? TIME_UNITS[t.value] : undefined;
  if (unit === undefined) {
    throw c.expected([
      "'DAY'",
      "'HOUR'",
      "'MINUTE'",
      "'SECOND'",
      "'MILLISECOND'",
      "'DAYS'",
      "'HOURS'",
      "'MINUTES'",
      "'SECONDS'",
      "'MILLISECONDS'",
    ]);
  }
  c.next();
  return { value, unit };
}

/**
 * `windowExpression` (after WINDOW): an optional window name, then
 * TUMBLING (SIZE d [, RETENTION d] [, GRACE PERIOD d]),
 * HOPPING (SIZE d, ADVANCE BY d [, RETENTION d] [, GRACE PERIOD d]) or
 * SESSION (d [, RETENTION d] [, GRACE PERIOD d]). The optional clauses are accepted in any order.
 */
export function parseWindow(c: Cursor): WindowExpression {
  const kinds = ['TUMBLING', 'HOPPING', 'SESSION'];
  if (c.peek().kind === 'word' && kinds.some((k) => c.isKeyword(k, 1))) c.next(); // window name
  const loc: Location = c.loc();
  const kind = kinds.find((k) => c.isKeyword(k));
  if (kind === undefined) throw c.expected(["'TUMBLING'", "'HOPPING'", "'SESSION'"]);
  c.next();
  c.expectOp('(');
  let size: Duration | undefined;
  let advance: Duration | undefined;
  let retention: Duration | undefined;
  let grace: Duration | undefined;
  let gap: Duration | undefined;
  do {
    if (c.acceptKeyword('SIZE') && kind !== 'SESSION') size = parseDuration(c);
    else if (kind === 'HOPPING' && c.acceptKeyword('ADVANCE')) {
      c.expectKeyword('BY');
      advance = parseDuration(c);
    } else if (c.acceptKeyword('RETENTION')) retention = parseDuration(c);
    else if (c.acceptKeyword('GRACE')) {
      c.expectKeyword('PERIOD');
      grace = parseDuration(c);
    } else if (kind === 'SESSION' && gap === undefined) gap = parseDuration(c);
    else
      throw c.expected(
        kind === 'SESSION' ? ["'RETENTION'", "'GRACE'"] : ["'SIZE'", "'RETENTION'", "'GRACE'"],
      );
  } while (c.acceptOp(','));
  c.expectOp(')');
  const tail = { ...(retention ? { retention } : {}), ...(grace ? { grace } : {}), loc };
  if (kind === 'SESSION') {
    if (gap === undefined) throw c.expected(['INTEGER_VALUE']);
    return { kind: 'Session', gap, ...tail };
  }
  if (size === undefined) throw c.expected(["'SIZE'"]);
  if (kind === 'TUMBLING') return { kind: 'Tumbling', size, ...tail };
  if (advance === undefined) throw c.expected(["'ADVANCE'"]);
  return { kind: 'Hopping', size, advance, ...tail };
}
