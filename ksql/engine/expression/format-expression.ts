import { assertNever } from '../../../common/assert-never.ts';
import type { Expression, Identifier, TypeSyntax } from '../parser/ast.ts';
import { formatSqlType } from '../types/sql-type.ts';
import { sqlTypeFromSyntax } from '../types/type-from-syntax.ts';

/**
 * Prints an expression the way ksqlDB's ExpressionFormatter does in error messages:
 * binary operations parenthesised (`(RANDOM() + 1.5)`), `MAP('a':=1)`, `STRUCT(F0:=VAL1)`,
 * `ARRAY[1, 2]`, string literals single-quoted, booleans and null in lower case.
 */
export function formatExpression(e: Expression): string {
  switch (e.kind) {
    case 'ColumnRef':
      return e.source ? `${ident(e.source)}.${ident(e.name)}` : ident(e.name);
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
      return `(${formatExpression(e.left)} ${e.operator} ${formatExpression(e.right)})`;
    case 'ArithmeticUnary':
      return `${e.sign}${formatExpression(e.operand)}`;
    case 'Comparison':
      return `(${formatExpression(e.left)} ${e.operator} ${formatExpression(e.right)})`;
    case 'Between':
      return `(${formatExpression(e.value)} ${e.negated ? 'NOT ' : ''}BETWEEN ${formatExpression(e.lower)} AND ${formatExpression(e.upper)})`;
    case 'InList':
      return `(${formatExpression(e.value)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(formatExpression).join(', ')}))`;
    case 'Like':
      return `(${formatExpression(e.value)} ${e.negated ? 'NOT ' : ''}LIKE ${formatExpression(e.pattern)}${e.escape === undefined ? '' : ` ESCAPE '${e.escape}'`})`;
    case 'IsNull':
      return `(${formatExpression(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'LogicalBinary':
      return `(${formatExpression(e.left)} ${e.operator} ${formatExpression(e.right)})`;
    case 'Not':
      return `(NOT ${formatExpression(e.operand)})`;
    case 'SearchedCase':
      return `(CASE ${e.whens.map((w) => `WHEN ${formatExpression(w.when)} THEN ${formatExpression(w.then)}`).join(' ')}${e.else ? ` ELSE ${formatExpression(e.else)}` : ''} END)`;
    case 'SimpleCase':
      return `(CASE ${formatExpression(e.operand)} ${e.whens.map((w) => `WHEN ${formatExpression(w.when)} THEN ${formatExpression(w.then)}`).join(' ')}${e.else ? ` ELSE ${formatExpression(e.else)}` : ''} END)`;
    case 'Cast':
      return `CAST(${formatExpression(e.operand)} AS ${formatTypeSyntax(e.type)})`;
    case 'FunctionCall':
      return `${e.name}(${e.star ? '*' : e.args.map(formatExpression).join(', ')})`;
    case 'Subscript':
      return `${formatExpression(e.base)}[${formatExpression(e.index)}]`;
    case 'Dereference':
      return `${formatExpression(e.base)}->${ident(e.field)}`;
    case 'CreateArray':
      return `ARRAY[${e.elements.map(formatExpression).join(', ')}]`;
    case 'CreateMap':
      return `MAP(${e.entries.map((x) => `${formatExpression(x.key)}:=${formatExpression(x.value)}`).join(', ')})`;
    case 'CreateStruct':
      return `STRUCT(${e.fields.map((f) => `${ident(f.name)}:=${formatExpression(f.value)}`).join(', ')})`;
    case 'Lambda':
      return `(${e.params.join(', ')}) => ${formatExpression(e.body)}`;
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
