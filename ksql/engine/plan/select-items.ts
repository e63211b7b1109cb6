import type { Expression, SelectItem } from '../parser/ast.ts';
import { KsqlStatementError } from '../errors.ts';
import type { Column } from '../schema/logical-schema.ts';
import { RESERVED_NAMES } from './source-scope.ts';

/** One output column of a SELECT, after `*` expansion and naming (reference e.7). */
export interface NamedItem {
  readonly name: string;
  readonly expression: Expression;
  /** True when the item came from `*`. */
  readonly fromStar: boolean;
}

const NO_LOC = { line: 0, column: 0 };

function columnRef(c: Column): Expression {
  return { kind: 'ColumnRef', name: { name: c.name, quoted: true }, loc: NO_LOC };
}

/**
 * Expands `*` / `src.*` into the source's key then value columns (pseudo columns excluded) and
 * names every item: the alias, a column's own name, a dereferenced field's name, else
 * `KSQL_COL_<n>` with n the next index not used by a source column.
 */
export function namedSelectItems(
  items: readonly SelectItem[],
  key: readonly Column[],
  value: readonly Column[],
  qualifiers: readonly string[],
  /** PARTITION BY: `*` lists value columns before the (former) key columns. */
  starValuesFirst = false,
  /** Transient queries may select pseudo columns such as WINDOWSTART under their own names. */
  transient = false,
): NamedItem[] {
  const sourceNames = new Set([...key, ...value].map((c) => c.name));
  let next = 0;
  const generated = (): string => {
    while (sourceNames.has(`KSQL_COL_${next}`)) next++;
    return `KSQL_COL_${next++}`;
  };
  const out: NamedItem[] = [];
  for (const item of items) {
    if (item.kind === 'AllColumns') {
      if (item.source && !qualifiers.includes(item.source.name)) {
        throw new KsqlStatementError(`'${item.source.name}' is not a valid stream/table name or alias.`);
      }
      for (const c of starValuesFirst ? [...value, ...key] : [...key, ...value]) {
        if (c.name.startsWith('\u0000')) continue; // internal columns (a join side's ROWTIME, …)
        out.push({ name: c.name, expression: columnRef(c), fromStar: true });
      }
      continue;
    }
    const e = item.expression;
    if (item.alias) {
      if (RESERVED_NAMES.has(item.alias.name.toUpperCase()) && !item.alias.quoted) {
        throw new KsqlStatementError(
          `\`${item.alias.name}\` is a reserved column name. You cannot use it as an alias for a column.`,
        );
      }
      if (RESERVED_NAMES.has(item.alias.name)) {
        throw new KsqlStatementError(
          `\`${item.alias.name}\` is a reserved column name. You cannot use it as an alias for a column.`,
        );
      }
      out.push({ name: item.alias.name, expression: e, fromStar: false });
      continue;
    }
    if (e.kind === 'ColumnRef') {
      if (RESERVED_NAMES.has(e.name.name) && !transient) {
        throw new KsqlStatementError(
          `Reserved column name in select: \`${e.name.name}\`. Please remove or alias the column.`,
        );
      }
      out.push({ name: e.name.name, expression: e, fromStar: false });
    } else if (e.kind === 'Dereference') {
      out.push({ name: e.field.name, expression: e, fromStar: false });
    } else {
      out.push({ name: generated(), expression: e, fromStar: false });
    }
  }
  return out;
}
