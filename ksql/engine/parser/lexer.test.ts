import { describe, expect, it } from 'vitest';
import { KsqlParseError } from '../errors.ts';
import { tokenize } from './lexer.ts';

const kinds = (sql: string): string[] => tokenize(sql).map((t) => `${t.kind}:${t.value}`);

describe('tokenize', () => {
  it('upper-cases unquoted words and keeps quoted identifiers exactly', () => {
    expect(kinds('select `Foo``Bar`, "Baz""x", _a@1')).toEqual([
      'word:SELECT',
      'backquoted:Foo`Bar',
      'op:,',
      'quoted:Baz"x',
      'op:,',
      'word:_A@1',
      'eof:<EOF>',
    ]);
  });

  it('unescapes doubled quotes in strings, and semicolons inside strings are text', () => {
    expect(kinds("'it''s; fine' ''")).toEqual(["string:it's; fine", 'string:', 'eof:<EOF>']);
  });

  it('keeps numeric lexemes: integer, decimal, double with exponent, digit identifiers', () => {
    expect(kinds('007 12.30 .5 1. 1.5E3 2e-4 1E5 1abc')).toEqual([
      'integer:007',
      'decimal:12.30',
      'decimal:.5',
      'decimal:1.',
      'double:1.5E3',
      'double:2e-4',
      'double:1E5',
      'digitWord:1ABC',
      'eof:<EOF>',
    ]);
  });

  it('reads multi-character operators first and normalises != to <>', () => {
    expect(kinds('a<>b != c <= >= => := -> || = < > + - * / % ( ) [ ] , . ;').slice(0, 27)).toEqual([
      'word:A',
      'op:<>',
      'word:B',
      'op:<>',
      'word:C',
      'op:<=',
      'op:>=',
      'op:=>',
      'op::=',
      'op:->',
      'op:||',
      'op:=',
      'op:<',
      'op:>',
      'op:+',
      'op:-',
      'op:*',
      'op:/',
      'op:%',
      'op:(',
      'op:)',
      'op:[',
      'op:]',
      'op:,',
      'op:.',
      'op:;',
      'eof:<EOF>',
    ]);
  });

  it('skips line comments, test directives and block comments', () => {
    expect(kinds('a -- comment ; b\n--@test: x\n/* c ; d */ e')).toEqual(['word:A', 'word:E', 'eof:<EOF>']);
  });

  it('leaves ${var} references as variable tokens', () => {
    expect(kinds('${my_var}')).toEqual(['variable:my_var', 'eof:<EOF>']);
  });

  it('gives 1-based lines and columns, relative to an origin when given', () => {
    const [a, b] = tokenize('a\n  bb');
    expect([a?.line, a?.column, b?.line, b?.column]).toEqual([1, 1, 2, 3]);
    const [c, d] = tokenize('x\ny', { line: 5, column: 10 });
    expect([c?.line, c?.column, d?.line, d?.column]).toEqual([5, 10, 6, 1]);
  });

  it('fails on an unterminated string with a position', () => {
    expect(() => tokenize("a 'oops")).toThrow(KsqlParseError);
    try {
      tokenize("a\n 'oops");
    } catch (e) {
      expect(e).toMatchObject({ line: 2, column: 2 });
    }
  });
});
