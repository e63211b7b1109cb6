import { assertNever } from '../../../../common/assert-never.ts';
import type { Identifier, Property, Statement, TableElement } from '../ast.ts';
import { operand, printExpression } from './print-expression.ts';
import { printIdentifier, printName, printString } from './print-identifier.ts';
import { printQuery } from './print-query.ts';
import { printType } from './print-type.ts';

/**
 * A statement as SQL, without the trailing `;`. `parseStatement(printStatement(s))` equals `s`
 * up to locations and `text`. Unsupported statements print their original text.
 */
export function printStatement(s: Statement): string {
  switch (s.kind) {
    case 'CreateSource':
      return (
        `CREATE ${s.orReplace ? 'OR REPLACE ' : ''}${s.isSource ? 'SOURCE ' : ''}${s.sourceType} ` +
        `${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${printIdentifier(s.name)}` +
        (s.elements.length > 0 ? ` (${s.elements.map(printTableElement).join(', ')})` : '') +
        withClause(s.properties)
      );
    case 'CreateAsSelect':
      return (
        `CREATE ${s.orReplace ? 'OR REPLACE ' : ''}${s.sourceType} ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}` +
        `${printIdentifier(s.name)}${withClause(s.properties)} AS ${printQuery(s.query)}`
      );
    case 'InsertInto':
      return `INSERT INTO ${printIdentifier(s.target)}${withClause(s.properties)} ${printQuery(s.query)}`;
    case 'InsertValues':
      return `INSERT INTO ${printIdentifier(s.target)}${columns(s.columns)} VALUES (${s.values.map(operand).join(', ')})`;
    case 'DropSource':
      return (
        `DROP ${s.sourceType} ${s.ifExists ? 'IF EXISTS ' : ''}${printIdentifier(s.name)}` +
        (s.deleteTopic ? ' DELETE TOPIC' : '')
      );
    case 'Terminate':
      return `TERMINATE ${s.queryId === 'ALL' ? 'ALL' : printName(s.queryId)}`;
    case 'ShowList':
      return `SHOW ${s.all ? 'ALL ' : ''}${s.what}${s.extended ? ' EXTENDED' : ''}`;
    case 'Describe': {
      const t = s.target;
      const target =
        t.kind === 'Source'
          ? printIdentifier(t.name)
          : t.kind === 'AllSources'
            ? t.what
            : `FUNCTION ${printName(t.name)}`;
      return `DESCRIBE ${target}${s.extended ? ' EXTENDED' : ''}`;
    }
    case 'Explain':
      return `EXPLAIN ${s.target.kind === 'QueryId' ? printName(s.target.queryId) : printStatement(s.target.statement)}`;
    case 'DefineVariable':
      return `DEFINE ${s.name} = ${printString(s.value)}`;
    case 'UndefineVariable':
      return `UNDEFINE ${s.name}`;
    case 'SetProperty':
      return `SET ${printString(s.name)} = ${printString(s.value)}`;
    case 'UnsetProperty':
      return `UNSET ${printString(s.name)}`;
    case 'QueryStatement':
      return printQuery(s.query);
    case 'AssertValues':
      return `ASSERT VALUES ${printIdentifier(s.source)}${columns(s.columns)} VALUES (${s.values.map(operand).join(', ')})`;
    case 'AssertTombstone':
      return `ASSERT NULL VALUES ${printIdentifier(s.source)}${columns(s.columns)} KEY (${s.keys.map(operand).join(', ')})`;
    case 'AssertSource':
      return (
        `ASSERT ${s.sourceType} ${printIdentifier(s.name)}` +
        (s.elements.length > 0 ? ` (${s.elements.map(printTableElement).join(', ')})` : '') +
        withClause(s.properties)
      );
    case 'RunScript':
      return `RUN SCRIPT ${printString(s.path)}`;
    case 'Unsupported':
      return s.text;
    default:
      return assertNever(s, 'statement');
  }
}

export function printTableElement(e: TableElement): string {
  const c = e.constraint;
  const constraint =
    c === undefined ? '' : typeof c === 'string' ? ` ${c}` : ` HEADER(${printString(c.header)})`;
  return `${printIdentifier(e.name)} ${printType(e.type)}${constraint}`;
}

function withClause(properties: readonly Property[]): string {
  if (properties.length === 0) return '';
  const props = properties.map((p) => {
    const name =
      /^[A-Z_][A-Z0-9_]*$/.test(p.name) && printName(p.name) === p.name ? p.name : printString(p.name);
    return `${name}=${printExpression(p.value)}`;
  });
  return ` WITH (${props.join(', ')})`;
}

function columns(cols: readonly Identifier[] | undefined): string {
  return cols ? ` (${cols.map(printIdentifier).join(', ')})` : '';
}
