import type { Duration, Identifier, Relation } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseExpression } from './parse-expression.ts';
import { isIdentifierToken, parseSourceName } from './parse-identifier.ts';
import { parseDuration } from './parse-window.ts';

type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

/**
 * `relation`: an aliased source followed by any number of
 * `[INNER | LEFT [OUTER] | RIGHT [OUTER] | FULL [OUTER]] JOIN source [WITHIN ...] ON expr`,
 * folded left-deep. Joins are parsed only; the planner rejects them as unsupported.
 */
export function parseRelation(c: Cursor): Relation {
  let left = parseAliased(c);
  for (;;) {
    const loc = c.loc();
    const type = parseJoinType(c);
    if (type === undefined) return left;
    const right = parseAliased(c);
    const within = c.acceptKeyword('WITHIN') ? parseWithin(c) : undefined;
    c.expectKeyword('ON');
    const on = parseExpression(c);
    left = { kind: 'Join', type, left, right, on, ...(within ? { within } : {}), loc };
  }
}

function parseJoinType(c: Cursor): JoinType | undefined {
  if (c.acceptKeyword('JOIN')) return 'INNER';
  for (const type of ['INNER', 'LEFT', 'RIGHT', 'FULL'] as const) {
    if (!c.isKeyword(type)) continue;
    c.next();
    if (type !== 'INNER') c.acceptKeyword('OUTER');
    c.expectKeyword('JOIN');
    return type;
  }
  return undefined;
}

function parseWithin(c: Cursor): { before: Duration; after: Duration; grace?: Duration } {
  let before: Duration;
  let after: Duration;
  if (c.acceptOp('(')) {
    before = parseDuration(c);
    c.expectOp(',');
    after = parseDuration(c);
    c.expectOp(')');
  } else {
    before = after = parseDuration(c);
  }
  if (!c.acceptKeyword('GRACE')) return { before, after };
  c.expectKeyword('PERIOD');
  return { before, after, grace: parseDuration(c) };
}

/** `sourceName (AS? alias)?`; `PARTITION BY` and `EMIT CHANGES` after a source are clauses, not aliases. */
function parseAliased(c: Cursor): Relation {
  const loc = c.loc();
  const name = parseSourceName(c);
  let alias: Identifier | undefined;
  if (c.acceptKeyword('AS')) alias = parseSourceName(c);
  else if (isIdentifierToken(c.peek()) && !startsClause(c)) alias = parseSourceName(c);
  c.sourceNames.add(name.name);
  if (alias) c.sourceNames.add(alias.name);
  return { kind: 'Table', name, ...(alias ? { alias } : {}), loc };
}

function startsClause(c: Cursor): boolean {
  return (
    (c.isKeyword('PARTITION') && c.isKeyword('BY', 1)) ||
    (c.isKeyword('EMIT') && (c.isKeyword('CHANGES', 1) || c.isKeyword('FINAL', 1)))
  );
}
