import { KsqlParseError } from '../errors.ts';
import type { Location } from './ast.ts';
import { isReserved } from './keywords.ts';
import type { Token } from './token.ts';

/**
 * A position in a token list plus the helpers every recursive-descent function uses. Errors
 * use ksqlDB's wording (QTT `ParseFailedException` messages, e.g. key-schemas.json
 * "fail on INT with parameter": `line 1:29: Syntax Error\nExpecting {'STRING', INTEGER_VALUE}\nStatement: ...`).
 */
export class Cursor {
  private index = 0;
  /** Lambda parameters in scope (innermost last): their references become LambdaVariable. */
  readonly lambdaParams: string[] = [];
  /** Source names and aliases of the statement's FROM / JOIN clauses. */
  readonly sourceNames = new Set<string>();
  /** Qualifiers used in `src.col` and `src.*`, checked against `sourceNames` after parsing. */
  readonly qualifiers: { readonly name: string; readonly loc: Location }[] = [];

  constructor(
    readonly tokens: readonly Token[],
    /** The statement's text, quoted in error messages. */
    readonly statementText: string,
  ) {}

  get pos(): number {
    return this.index;
  }
  set pos(i: number) {
    this.index = i;
  }

  peek(offset = 0): Token {
    const t = this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
    if (t === undefined) throw new Error('token list must end with eof');
    return t;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  loc(t: Token = this.peek()): Location {
    return { line: t.line, column: t.column };
  }

  /** True if the current token is the (unquoted) keyword `kw`. */
  isKeyword(kw: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'word' && t.value === kw;
  }

  isOp(op: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.value === op;
  }

  acceptKeyword(...kws: string[]): boolean {
    if (!kws.every((kw, i) => this.isKeyword(kw, i))) return false;
    this.index += kws.length;
    return true;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.index++;
    return true;
  }

  expectKeyword(kw: string): Token {
    if (!this.isKeyword(kw)) throw this.expected([`'${kw}'`]);
    return this.next();
  }

  expectOp(op: string): Token {
    if (this.isOp(op)) return this.next();
    const t = this.peek();
    // ANTLR's single-token insertion: `GROUP BY f3, (f2, f1)` → "missing ')' at ','" (group-by.json).
    if (t.kind === 'op' && [',', ';', ')'].includes(t.value) && [')', ']', '>'].includes(op)) {
      throw this.error(`missing '${op}' at ${display(t)}`, t, [`'${op}'`]);
    }
    throw this.expected([`'${op}'`]);
  }

  /** A syntax error at the current token listing what was expected (ANTLR display names). */
  expected(expected: readonly string[], t: Token = this.peek()): KsqlParseError {
    if (t.kind === 'word' && isReserved(t.value)) return this.reservedWord(t, expected);
    if (t.kind === 'eof')
      return this.error(`mismatched input '<EOF>' expecting {${expected.join(', ')}}`, t, expected);
    return this.error(`Expecting {${expected.join(', ')}}`, t, expected);
  }

  /**
   * A reserved keyword where an identifier or type was expected. ksqlDB reports it as
   * "Syntax error at or near 'NULL' at line 2:47" (cast.json "to null") while other cases check
   * only for "Syntax Error" (null.json "NULL column"): the message carries both.
   */
  reservedWord(t: Token, expected: readonly string[] = []): KsqlParseError {
    // SyntaxErrorValidator's hint when an identifier was expected (ksqlDB suggests quotes; the
    // escape that works is backticks).
    const hint = expected.includes('IDENTIFIER')
      ? `\n"${t.value}" is a reserved keyword and it can't be used as an identifier. ` +
        `You can use it as an identifier by escaping it as \`${t.value}\``
      : '';
    return this.error(
      `Syntax error at or near '${t.text}' at line ${t.line}:${t.column}${hint}`,
      t,
      expected,
    );
  }

  error(detail: string, t: Token = this.peek(), expected: readonly string[] = []): KsqlParseError {
    return new KsqlParseError(
      `line ${t.line}:${t.column}: Syntax Error\n${detail}\nStatement: ${this.statementText}`,
      t.line,
      t.column,
      expected,
    );
  }
}

/** ANTLR's token display: the text in single quotes, `<EOF>` at the end. */
export function display(t: Token): string {
  return t.kind === 'eof' ? '<EOF>' : `'${t.text}'`;
}
