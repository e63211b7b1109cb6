import { assertNever } from '../../../../common/assert-never.ts';
import type { Expression, WhenClause } from '../ast.ts';
import { printIdentifier, printName, printString } from './print-identifier.ts';
import { printType } from './print-type.ts';

/**
 * An expression as SQL. Compound operands are always parenthesized, so the printed text parses
 * back to the same tree whatever the precedence (the AST does not record parentheses).
 */
export function printExpression(e: Expression): string {
  switch (e.kind) {
    case 'ColumnRef':
      return (e.source ? printIdentifier(e.source) + '.' : '') + printIdentifier(e.name);
    case 'NullLiteral':
      return 'NULL';
    case 'BooleanLiteral':
      return e.value ? 'TRUE' : 'FALSE';
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return e.text;
    case 'StringLiteral':
      return printString(e.value);
    case 'ArithmeticBinary':
      return `${operand(e.left)} ${e.operator} ${operand(e.right)}`;
    case 'ArithmeticUnary':
      // `-(5)`, not `-5`: a minus before a number is read as a negative literal.
      return e.sign + '(' + printExpression(e.operand) + ')';
    case 'Comparison':
      return `${operand(e.left)} ${e.operator} ${operand(e.right)}`;
    case 'Between':
      return `${operand(e.value)} ${e.negated ? 'NOT ' : ''}BETWEEN ${operand(e.lower)} AND ${operand(e.upper)}`;
    case 'InList':
      return `${operand(e.value)} ${e.negated ? 'NOT ' : ''}IN (${list(e.list)})`;
    case 'Like':
      return (
        `${operand(e.value)} ${e.negated ? 'NOT ' : ''}LIKE ${operand(e.pattern)}` +
        (e.escape === undefined ? '' : ` ESCAPE ${printString(e.escape)}`)
      );
    case 'IsNull':
      return `${operand(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'LogicalBinary':
      return `${operand(e.left)} ${e.operator} ${operand(e.right)}`;
    case 'Not':
      return `NOT ${operand(e.operand)}`;
    case 'SearchedCase':
      return `CASE ${whens(e.whens)}${e.else ? ` ELSE ${printExpression(e.else)}` : ''} END`;
    case 'SimpleCase':
      return `CASE ${printExpression(e.operand)} ${whens(e.whens)}${e.else ? ` ELSE ${printExpression(e.else)}` : ''} END`;
    case 'Cast':
      return `CAST(${printExpression(e.operand)} AS ${printType(e.type)})`;
    case 'FunctionCall':
      return `${printName(e.name)}(${e.star ? '*' : list(e.args)})`;
    case 'Subscript':
      return `${operand(e.base)}[${printExpression(e.index)}]`;
    case 'Dereference':
      return `${operand(e.base)}->${printIdentifier(e.field)}`;
    case 'CreateArray':
      return `ARRAY[${list(e.elements)}]`;
    case 'CreateMap':
      return `MAP(${e.entries.map((en) => `${printExpression(en.key)} := ${printExpression(en.value)}`).join(', ')})`;
    case 'CreateStruct':
      return `STRUCT(${e.fields.map((f) => `${printIdentifier(f.name)} := ${printExpression(f.value)}`).join(', ')})`;
    case 'Lambda':
      return `(${e.params.map(printName).join(', ')}) => ${printExpression(e.body)}`;
    case 'LambdaVariable':
      return printName(e.name);
    case 'IntervalUnit':
      return e.unit;
    case 'TypeExpr':
      return printType(e.type);
    default:
      return assertNever(e, 'expression');
  }
}

function list(items: readonly Expression[]): string {
  return items.map(printExpression).join(', ');
}

function whens(items: readonly WhenClause[]): string {
  return items.map((w) => `WHEN ${printExpression(w.when)} THEN ${printExpression(w.then)}`).join(' ');
}

const ATOMS: ReadonlySet<Expression['kind']> = new Set<Expression['kind']>([
  'ColumnRef',
  'NullLiteral',
  'BooleanLiteral',
  'StringLiteral',
  'SearchedCase',
  'SimpleCase',
  'Cast',
  'FunctionCall',
  'Subscript',
  'Dereference',
  'CreateArray',
  'CreateMap',
  'CreateStruct',
  'LambdaVariable',
]);

/** An operand: atoms as they are, anything else (and negative literals) in parentheses. */
export function operand(e: Expression): string {
  const text = printExpression(e);
  const positiveNumber =
    (e.kind === 'IntegerLiteral' || e.kind === 'DecimalLiteral' || e.kind === 'DoubleLiteral') &&
    !text.startsWith('-');
  return ATOMS.has(e.kind) || positiveNumber ? text : `(${text})`;
}
