import type { SelectItem } from '../parser/ast.ts';

/**
 * The name a transient query gives a (non-`*`) SELECT item: its alias, a column's or a
 * dereferenced field's own name, else `KSQL_COL_<n>` numbered in order of appearance.
 * `counter` carries n across the items of one SELECT list.
 */
export function selectItemName(
  item: Extract<SelectItem, { kind: 'SingleColumn' }>,
  counter: { next: number },
): string {
  const e = item.expression;
  return (
    item.alias?.name ??
    (e.kind === 'ColumnRef'
      ? e.name.name
      : e.kind === 'Dereference'
        ? e.field.name
        : `KSQL_COL_${counter.next++}`)
  );
}
