import { assertNever } from '../../../common/assert-never.ts';
import type { ColumnRef, Expression, Identifier, TypeSyntax } from '../parser/ast.ts';
import { formatSqlType } from '../types/sql-type.ts';
import { sqlTypeFromSyntax } from '../types/type-from-syntax.ts';

/**
 * Prints an expression the way ksqlDB's ExpressionFormatter does in error messages:
 * binary operations parenthesised (`(RANDOM() + 1.5)`), `MAP('a':=1)`, `STRUCT(F0:=VAL1)`,
 * `ARRAY[1, 2]`, string literals single-quoted, booleans and null in lower case.
 */
export function formatExpression(e: Expression, columnText?: (ref: ColumnRef) => string | undefined): string {
  const f = (x: Expression): string => formatExpression(x, columnText);
  switch (e.kind) {
    case 'ColumnRef':
      return columnText?.(e) ?? (e.source ? `${ident(e.source)}.${ident(e.name)}` : ident(e.name));
    case 'NullLiteral':
      return 'null';
    case 'BooleanLiteral':
      return e.value ? 'true' : 'false';
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return e.text;
    case 'StringLiteral':
      return `'${e.value.replace(/'/g, "''")}'`;
    case 'ArithmeticBinary':
      return `(${f(e.left)} ${e.operator} ${f(e.right)})`;
    case 'ArithmeticUnary':
      return `${e.sign}${f(e.operand)}`;
    case 'Comparison':
      return `(${f(e.left)} ${e.operator} ${f(e.right)})`;
    case 'Between':
      return `(${f(e.value)} ${e.negated ? 'NOT ' : ''}BETWEEN ${f(e.lower)} AND ${f(e.upper)})`;
    case 'InList':
      return `(${f(e.value)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(f).join(', ')}))`;
    case 'Like':
      return `(${f(e.value)} ${e.negated ? 'NOT ' : ''}LIKE ${f(e.pattern)}${e.escape === undefined ? '' : ` ESCAPE '${e.escape}'`})`;
    case 'IsNull':
      return `(${f(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'LogicalBinary':
      return `(${f(e.left)} ${e.operator} ${f(e.right)})`;
    case 'Not':
      return `(NOT ${f(e.operand)})`;
    case 'SearchedCase':
      return `(CASE ${e.whens.map((w) => `WHEN ${f(w.when)} THEN ${f(w.then)}`).join(' ')}${e.else ? ` ELSE ${f(e.else)}` : ''} END)`;
    case 'SimpleCase':
      return `(CASE ${f(e.operand)} ${e.whens.map((w) => `WHEN ${f(w.when)} THEN ${f(w.then)}`).join(' ')}${e.else ? ` ELSE ${f(e.else)}` : ''} END)`;
    case 'Cast':
      return `CAST(${f(e.operand)} AS ${formatTypeSyntax(e.type)})`;
    case 'FunctionCall':
      return `${e.name}(${e.star ? '*' : e.args.map(f).join(', ')})`;
    case 'Subscript':
      return `${f(e.base)}[${f(e.index)}]`;
    case 'Dereference':
      return `${f(e.base)}->${ident(e.field)}`;
    case 'CreateArray':
      return `ARRAY[${e.elements.map(f).join(', ')}]`;
    case 'CreateMap':
      return `MAP(${e.entries.map((x) => `${f(x.key)}:=${f(x.value)}`).join(', ')})`;
    case 'CreateStruct':
      return `STRUCT(${e.fields.map((x) => `${ident(x.name)}:=${f(x.value)}`).join(', ')})`;
    case 'Lambda':
      return `(${e.params.join(', ')}) => ${f(e.body)}`;
    case 'LambdaVariable':
      return e.name;
    case 'IntervalUnit':
      return e.unit;
    case 'TypeExpr':
      return formatTypeSyntax(e.type);
    default:
      return assertNever(e, 'expression');
  }
}

function ident(id: Identifier): string {
  return /^[A-Z_][A-Z0-9_]*$/.test(id.name) ? id.name : `\`${id.name}\``;
}

function formatTypeSyntax(t: TypeSyntax): string {
  if (t.kind === 'Named') return t.name.name;
  try {
    return formatSqlType(sqlTypeFromSyntax(t));
  } catch {
    return t.kind;
  }
}
