import { KsqlParseError } from '../errors.ts';
import type { Identifier } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { isReserved } from './keywords.ts';
import type { Token } from './token.ts';

/** True if the current token can start an `identifier` (SqlBase.g4 rule `identifier`). */
export function isIdentifierToken(t: Token): boolean {
  switch (t.kind) {
    case 'word':
      return !isReserved(t.value);
    case 'digitWord':
    case 'backquoted':
    case 'quoted':
    case 'variable':
      return true;
    default:
      return false;
  }
}

/**
 * `identifier`: unquoted (and non-reserved keywords, and digit identifiers) are upper-cased;
 * backtick- and double-quoted ones keep their case (docs: control-the-case-of-identifiers).
 */
export function parseIdentifier(c: Cursor): Identifier {
  const t = c.peek();
  if (!isIdentifierToken(t)) throw c.expected(['IDENTIFIER']);
  c.next();
  if (t.kind === 'variable') throw undefinedVariable(t, c.statementText);
  return { name: t.value, quoted: t.kind === 'backquoted' || t.kind === 'quoted' };
}

/**
 * A `${name}` left after substitution: the variable was not defined. ksqlDB keeps the text and
 * then rejects it (VariableSubstitutor.throwIfInvalidIdentifier / throwIfInvalidLiteral).
 */
export function undefinedVariable(
  t: Token,
  statementText: string,
  position: 'identifier' | 'literal' = 'identifier',
): KsqlParseError {
  const where = `Illegal argument at Line: ${t.line}, Col: ${t.column}.`;
  const detail =
    position === 'identifier'
      ? ` Identifier names cannot start with '@' and may only contain alphanumeric values and '_'.`
      : '';
  return new KsqlParseError(
    `${where}${detail} Got: '${t.text}'\nStatement: ${statementText}`,
    t.line,
    t.column,
  );
}

/**
 * `sourceName`: an identifier that must also be a valid Kafka Streams store name, checked like
 * ksqlDB's ParserUtil.getSourceName ("Source names may only contain alphanumeric values, '_'
 * or '-'").
 */
export function parseSourceName(c: Cursor): Identifier {
  const t = c.peek();
  const id = parseIdentifier(c);
  if (!/^[a-zA-Z0-9_-]*$/.test(id.name)) {
    throw new KsqlParseError(
      `Illegal argument at Line: ${t.line}, Col: ${t.column}. Source names may only contain alphanumeric values, ` +
        `'_' or '-'. Got: '${id.name}'\nStatement: ${c.statementText}`,
      t.line,
      t.column,
    );
  }
  return id;
}
