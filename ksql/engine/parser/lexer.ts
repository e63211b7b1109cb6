import { KsqlParseError } from '../errors.ts';
import type { Token, TokenKind } from './token.ts';

/**
 * Tokenizes ksqlDB SQL (lexer rules of SqlBase.g4, case-insensitive like ksqlDB's
 * CaseInsensitiveStream). Whitespace, `--` comments (including `--@` test directives) and
 * `/* *\/` comments are skipped. Positions are 1-based; `origin` lets a statement lexed on its
 * own report positions in the enclosing script.
 */
export function tokenize(
  text: string,
  origin: { line: number; column: number } = { line: 1, column: 1 },
  /** Quoted in error messages; defaults to `text`. */
  statementText: string = text,
): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = origin.line;
  let lineStart = -(origin.column - 1); // column = pos - lineStart + 1

  const advanceTo = (end: number): void => {
    for (let i = pos; i < end; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    pos = end;
  };
  const push = (kind: TokenKind, end: number, value: string): void => {
    tokens.push({
      kind,
      value,
      text: text.slice(pos, end),
      line,
      column: pos - lineStart + 1,
      start: pos,
      end,
    });
    advanceTo(end);
  };
  const fail = (message: string): never => {
    const column = pos - lineStart + 1;
    throw new KsqlParseError(
      `line ${line}:${column}: Syntax Error\n${message}\nStatement: ${statementText}`,
      line,
      column,
    );
  };

  while (pos < text.length) {
    const c = text[pos] as string;
    const next = text[pos + 1];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      advanceTo(pos + 1);
    } else if (c === '-' && next === '-') {
      const nl = text.indexOf('\n', pos);
      advanceTo(nl < 0 ? text.length : nl + 1);
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', pos + 2);
      if (close < 0) fail('unterminated comment');
      advanceTo(close + 2);
    } else if (c === "'") {
      const end = scanQuoted(text, pos, "'");
      if (end < 0) fail("token recognition error at: '" + text.slice(pos, pos + 20) + "'");
      push('string', end, text.slice(pos + 1, end - 1).replaceAll("''", "'"));
    } else if (c === '`' || c === '"') {
      const end = scanQuoted(text, pos, c);
      if (end < 0) fail(`token recognition error at: '${c}'`);
      push(c === '`' ? 'backquoted' : 'quoted', end, text.slice(pos + 1, end - 1).replaceAll(c + c, c));
    } else if (isIdentStart(c)) {
      let end = pos + 1;
      while (end < text.length && isIdentPart(text[end] as string)) end++;
      push('word', end, text.slice(pos, end).toUpperCase());
    } else if (isDigit(c) || (c === '.' && next !== undefined && isDigit(next))) {
      lexNumber();
    } else if (c === '$' && next === '{') {
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_@]*)\}/.exec(text.slice(pos, pos + 200));
      if (!m) fail(`token recognition error at: '$'`);
      push('variable', pos + (m as RegExpExecArray)[0].length, (m as RegExpExecArray)[1] as string);
    } else {
      const op = OPERATORS.find((o) => o.charCodeAt(0) === text.charCodeAt(pos) && text.startsWith(o, pos));
      if (op === undefined) fail(`token recognition error at: '${c}'`);
      push('op', pos + (op as string).length, op === '!=' ? '<>' : (op as string));
    }
  }
  tokens.push({
    kind: 'eof',
    value: '<EOF>',
    text: '',
    line,
    column: pos - lineStart + 1,
    start: pos,
    end: pos,
  });
  return tokens;

  function lexNumber(): void {
    let end = pos;
    while (end < text.length && isDigit(text[end] as string)) end++;
    let kind: TokenKind = 'integer';
    if (text[end] === '.') {
      kind = 'decimal';
      end++;
      while (end < text.length && isDigit(text[end] as string)) end++;
    }
    const expEnd = exponentEnd(text, end);
    if (expEnd > end) {
      kind = 'double';
      end = expEnd;
    }
    // DIGIT_IDENTIFIER: DIGIT (LETTER | DIGIT | '_' | '@')+ wins when it is the longer match.
    if (isDigit(text[pos] as string)) {
      let idEnd = pos + 1;
      while (idEnd < text.length && isIdentPart(text[idEnd] as string)) idEnd++;
      if (idEnd > end) {
        push('digitWord', idEnd, text.slice(pos, idEnd).toUpperCase());
        return;
      }
    }
    push(kind, end, text.slice(pos, end));
  }
}

/** Longest operators first so that `<=` is not read as `<` `=`. */
const OPERATORS = [
  '<>',
  '!=',
  '<=',
  '>=',
  '=>',
  ':=',
  '->',
  '||',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  ';',
  ':',
] as const;

/** End offset (exclusive) of a quoted token starting at `start`, or -1 if unterminated. */
export function scanQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return -1;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isIdentStart(c: string): boolean {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_';
}
function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c) || c === '@';
}

/** End of `E[+-]?DIGIT+` starting at `i`, or `i` if there is no exponent there. */
function exponentEnd(text: string, i: number): number {
  if (text[i] !== 'e' && text[i] !== 'E') return i;
  let j = i + 1;
  if (text[j] === '+' || text[j] === '-') j++;
  const digits = j;
  while (j < text.length && isDigit(text[j] as string)) j++;
  return j > digits ? j : i;
}
