/**
 * Tokens of the ksqlDB lexer (SqlBase.g4). Keywords are not a separate kind: an unquoted word is
 * a `word` token and the parser decides whether it is a keyword or an identifier, as the
 * grammar's `nonReserved` rule allows.
 */
export type TokenKind =
  /** Unquoted word: IDENTIFIER or keyword. `value` is upper-cased (the lexer is case-insensitive). */
  | 'word'
  /** DIGIT_IDENTIFIER, e.g. `1abc`: an identifier starting with a digit, upper-cased. */
  | 'digitWord'
  /** Backtick-quoted identifier; `value` is unescaped (``` `` ``` → `` ` ``), case kept. */
  | 'backquoted'
  /** Double-quoted identifier (QUOTED_IDENTIFIER); `value` is unescaped, case kept. */
  | 'quoted'
  /** Single-quoted string; `value` has `''` unescaped. */
  | 'string'
  | 'integer'
  | 'decimal'
  | 'double'
  /** `${name}` left in the text (undefined variable). `value` is the name. */
  | 'variable'
  /** Punctuation and operators; `value` is the operator text. */
  | 'op'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Normalised value (see TokenKind). */
  readonly value: string;
  /** Exact source text. */
  readonly text: string;
  /** 1-based line and column of the first character. */
  readonly line: number;
  readonly column: number;
  /** Offsets into the lexed text: [start, end). */
  readonly start: number;
  readonly end: number;
}
