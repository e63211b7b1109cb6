import { assertNever } from '../../../../common/assert-never.ts';
import type { Duration, Expression, Query, Relation, SelectItem, WindowExpression } from '../ast.ts';
import { operand, printExpression } from './print-expression.ts';
import { printIdentifier } from './print-identifier.ts';

export function printQuery(q: Query): string {
  const parts = [`SELECT ${q.select.map(printSelectItem).join(', ')}`, `FROM ${printRelation(q.from)}`];
  if (q.window) parts.push(`WINDOW ${printWindow(q.window)}`);
  if (q.where) parts.push(`WHERE ${printExpression(q.where)}`);
  if (q.groupBy) parts.push(`GROUP BY ${grouping(q.groupBy)}`);
  if (q.partitionBy) parts.push(`PARTITION BY ${grouping(q.partitionBy)}`);
  if (q.having) parts.push(`HAVING ${printExpression(q.having)}`);
  if (q.emit) parts.push(`EMIT ${q.emit}`);
  if (q.limit !== undefined) parts.push(`LIMIT ${q.limit}`);
  return parts.join(' ');
}

/** `a, (b + 1)`; an empty list is `()`. */
function grouping(list: readonly Expression[]): string {
  return list.length === 0 ? '()' : list.map(operand).join(', ');
}

function printSelectItem(item: SelectItem): string {
  switch (item.kind) {
    case 'AllColumns':
      return item.source ? `${printIdentifier(item.source)}.*` : '*';
    case 'SingleColumn':
      return printExpression(item.expression) + (item.alias ? ` AS ${printIdentifier(item.alias)}` : '');
    default:
      return assertNever(item, 'select item');
  }
}

export function printRelation(r: Relation): string {
  switch (r.kind) {
    case 'Table':
      return printIdentifier(r.name) + (r.alias ? ` AS ${printIdentifier(r.alias)}` : '');
    case 'Join': {
      const join = r.type === 'FULL' ? 'FULL OUTER JOIN' : `${r.type} JOIN`;
      const within = r.within
        ? ` WITHIN (${printDuration(r.within.before)}, ${printDuration(r.within.after)})` +
          (r.within.grace ? ` GRACE PERIOD ${printDuration(r.within.grace)}` : '')
        : '';
      return `${printRelation(r.left)} ${join} ${printRelation(r.right)}${within} ON ${printExpression(r.on)}`;
    }
    default:
      return assertNever(r, 'relation');
  }
}

export function printDuration(d: Duration): string {
  return `${d.value} ${d.unit}`;
}

export function printWindow(w: WindowExpression): string {
  const tail =
    (w.retention ? `, RETENTION ${printDuration(w.retention)}` : '') +
    (w.grace ? `, GRACE PERIOD ${printDuration(w.grace)}` : '');
  switch (w.kind) {
    case 'Tumbling':
      return `TUMBLING (SIZE ${printDuration(w.size)}${tail})`;
    case 'Hopping':
      return `HOPPING (SIZE ${printDuration(w.size)}, ADVANCE BY ${printDuration(w.advance)}${tail})`;
    case 'Session':
      return `SESSION (${printDuration(w.gap)}${tail})`;
    default:
      return assertNever(w, 'window');
  }
}
