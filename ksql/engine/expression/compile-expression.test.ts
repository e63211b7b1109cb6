import { describe, expect, it } from 'vitest';
import { KsqlParseError, KsqlStatementError } from '../errors.ts';
import { Decimal } from '../types/decimal.ts';
import * as T from '../types/sql-type.ts';
import { Struct } from '../types/struct.ts';
import { compileExpression } from './compile-expression.ts';
import {
  and,
  arith,
  array,
  between,
  bool,
  call,
  cast,
  cmp,
  col,
  dbl,
  dec,
  decType,
  deref,
  evalExpr,
  inList,
  int,
  isNull,
  like,
  mapOf,
  neg,
  not,
  nul,
  or,
  prim,
  recordScope,
  searchedCase,
  simpleCase,
  str,
  structOf,
  subscript,
  typeOf,
} from './test-support.ts';

const D = (s: string) => Decimal.parse(s);

describe('literals (literals.json)', () => {
  it.each([
    [int('000002147483647'), T.INT, 2147483647],
    [neg(int('00002147483647')), T.INT, -2147483647],
    [neg(int('2147483648')), T.INT, -2147483648],
    [int('2147483648'), T.BIGINT, 2147483648n],
    [neg(int('9223372036854775808')), T.BIGINT, -9223372036854775808n],
    [dbl('04.90E-324'), T.DOUBLE, 4.9e-324],
    [neg(dbl('1.7976931348623157E308')), T.DOUBLE, -1.7976931348623157e308],
    [bool(true), T.BOOLEAN, true],
    [str("it's"), T.STRING, "it's"],
  ])('%# types and evaluates', (e, type, value) => {
    expect(typeOf(e)).toEqual(type);
    expect(evalExpr(e)).toEqual(value);
  });

  it('types a decimal literal from its text', () => {
    expect(typeOf(dec('2.345'))).toEqual(T.decimal(4, 3));
    expect(typeOf(dec('0.00'))).toEqual(T.decimal(3, 2));
    expect(evalExpr(dec('2.345'))).toEqual(D('2.345'));
  });

  it('rejects out-of-range numbers like ksqlDB', () => {
    expect(() => evalExpr(int('9223372036854775808'))).toThrow(KsqlParseError);
    expect(() => evalExpr(int('9223372036854775808'))).toThrow(
      'Invalid numeric literal: 9223372036854775808',
    );
    expect(() => evalExpr(neg(int('9223372036854775809')))).toThrow(
      'Invalid numeric literal: -9223372036854775809',
    );
    expect(() => evalExpr(dbl('1.7976931348623159E308'))).toThrow(
      'Number overflows DOUBLE: 1.7976931348623159E308',
    );
    expect(() => evalExpr(neg(dbl('1.7976931348623160E308')))).toThrow(
      'Number overflows DOUBLE: -1.7976931348623160E308',
    );
  });

  it('a bare NULL has no type', () => {
    expect(typeOf(nul())).toBeUndefined();
    expect(evalExpr(nul())).toBeNull();
  });
});

describe('columns', () => {
  it('reads through the scope', () => {
    expect(evalExpr(col('A'), { A: T.INT }, { A: 5 })).toBe(5);
  });
  it('reports unknown columns with the clause', () => {
    expect(() => compileExpression(col('BOB'), recordScope({}), { clause: 'WHERE' })).toThrow(
      "WHERE column 'BOB' cannot be resolved.",
    );
    expect(() => compileExpression(col('BOB', 'I'), recordScope({}), { clause: 'SELECT' })).toThrow(
      "SELECT column 'I.BOB' cannot be resolved.",
    );
  });
});

describe('arithmetic', () => {
  const cols = { I: T.INT, L: T.BIGINT, D: T.DOUBLE, A: T.decimal(4, 2), B: T.decimal(4, 2), S: T.STRING };
  it.each([
    ['2 * 3 + 4', arith('+', arith('*', int(2), int(3)), int(4)), 10],
    ['6 % 4 / 2 * 6', arith('*', arith('/', arith('%', int(6), int(4)), int(2)), int(6)), 6],
    ['16 % 6 - 4', arith('-', arith('%', int(16), int(6)), int(4)), 0],
    ['INT overflow wraps', arith('+', int(2147483647), int(1)), -2147483648],
    ['INT * wraps', arith('*', int(65536), int(65536)), 0],
    ['INT / 0 is NULL', arith('/', int(1), int(0)), null],
    ['INT % 0 is NULL', arith('%', int(1), int(0)), null],
    ['-7 / 2 truncates', arith('/', neg(int(7)), int(2)), -3],
    ['-7 % 2 keeps the sign', arith('%', neg(int(7)), int(2)), -1],
    ['BIGINT wraps', arith('+', int('9223372036854775807'), int(1)), -9223372036854775808n],
    ['INT + BIGINT', arith('+', int(1), int('4294967296')), 4294967297n],
    // BIGINT + - * in doubles while exact, in bigint (wrapping) beyond 2^53
    ['BIGINT * INT', arith('*', int('4294967296'), int(-3)), -12884901888n],
    ['BIGINT * at 2^53', arith('*', int('4503599627370496'), int(2)), 9007199254740992n],
    ['BIGINT * past 2^53', arith('*', int('3002399751580331'), int(3)), 9007199254740993n],
    ['BIGINT - past -2^53', arith('-', neg(int('9007199254740991')), int('4294967296')), -9007203549708287n],
    ['BIGINT * wraps', arith('*', int('9223372036854775807'), int(2)), -2n],
    ['BIGINT operand past 2^53', arith('-', int('9007199254740993'), int('4294967296')), 9007194959773697n],
    ['DOUBLE / 0', arith('/', dbl('1E0'), int(0)), Infinity],
    ["'a' + 'b'", arith('+', str('prefix-'), str('x')), 'prefix-x'],
  ])('%s', (_n, e, v) => {
    expect(evalExpr(e, cols, {})).toEqual(v);
  });

  it('DECIMAL arithmetic (decimal.json)', () => {
    const row = { A: D('10.01'), B: D('5.10') };
    expect(typeOf(arith('+', col('A'), col('B')), cols)).toEqual(T.decimal(5, 2));
    expect(evalExpr(arith('+', col('A'), col('B')), cols, row)).toEqual(D('15.11'));
    expect(evalExpr(arith('+', arith('+', col('A'), col('A')), col('B')), cols, row)?.toString()).toBe(
      '25.12',
    );
    expect(evalExpr(arith('-', col('A'), col('B')), cols, row)?.toString()).toBe('4.91');
    expect(typeOf(arith('*', col('A'), col('B')), cols)).toEqual(T.decimal(9, 4));
    expect(evalExpr(arith('*', col('A'), col('B')), cols, { A: D('10.10'), B: D('2.00') })?.toString()).toBe(
      '20.2000',
    );
    expect(typeOf(arith('/', col('A'), col('B')), cols)).toEqual(T.decimal(11, 7));
    expect(evalExpr(arith('/', col('A'), col('B')), cols, { A: D('10.10'), B: D('-2.00') })?.toString()).toBe(
      '-5.0500000',
    );
    expect(evalExpr(arith('/', col('A'), col('B')), cols, { A: D('10.10'), B: D('0.00') })).toBeNull();
    expect(typeOf(arith('%', col('A'), col('B')), cols)).toEqual(T.decimal(4, 2));
    expect(evalExpr(arith('%', col('A'), col('B')), cols, { A: D('10.10'), B: D('-2.00') })?.toString()).toBe(
      '0.10',
    );
    expect(evalExpr(arith('%', col('A'), col('B')), cols, { A: D('10.10'), B: D('0.00') })).toBeNull();
    expect(evalExpr(neg(col('A')), cols, row)).toEqual(D('-10.01'));
  });

  it('DECIMAL with INT and DOUBLE', () => {
    expect(typeOf(arith('+', col('A'), col('I')), cols)).toEqual(T.decimal(13, 2));
    expect(evalExpr(arith('+', col('A'), col('I')), cols, { A: D('10.01'), I: -5 })?.toString()).toBe('5.01');
    expect(typeOf(arith('+', col('A'), col('D')), cols)).toEqual(T.DOUBLE);
    expect(evalExpr(arith('+', col('A'), col('D')), cols, { A: D('10.01'), D: 5.1 })).toBeCloseTo(15.11, 10);
  });

  it('NULL operands give NULL', () => {
    expect(evalExpr(arith('+', col('I'), int(1)), cols, { I: null })).toBeNull();
  });

  it('rejects unsupported types with the expression', () => {
    expect(() => evalExpr(arith('+', bool(true), dec('1.5')))).toThrow(
      'Error processing expression: (true + 1.5). Unsupported arithmetic types. BOOLEAN DECIMAL',
    );
  });
});

describe('comparisons (binary-comparison.json)', () => {
  const cols = {
    A: T.INT,
    B: T.BIGINT,
    C: T.DOUBLE,
    D: T.decimal(4, 3),
    E: T.STRING,
    G: T.array(T.INT),
    H: T.map(T.STRING, T.INT),
    I: T.struct([{ name: 'ID', type: T.INT }]),
    TS: T.TIMESTAMP,
  };
  it('less than across numeric types and strings', () => {
    const exprs = [
      cmp('<', col('A'), int(1)),
      cmp('<', col('B'), int(11)),
      cmp('<', col('C'), dec('1.1')),
      cmp('<', col('D'), dec('1.20')),
      cmp('<', col('E'), str('foo')),
    ];
    const r1 = { A: 0, B: 10n, C: 1, D: D('1.190'), E: 'Foo' };
    const r2 = { A: 1, B: 11n, C: 1.1, D: D('1.200'), E: 'foo' };
    expect(exprs.map((e) => evalExpr(e, cols, r1))).toEqual([true, true, true, true, true]);
    expect(exprs.map((e) => evalExpr(e, cols, r2))).toEqual([false, false, false, false, false]);
  });

  it('collections compare for equality', () => {
    const row = { G: [1, 2], H: new Map([['a', 1]]), I: new Struct(['ID'], [2]) };
    expect(evalExpr(cmp('=', col('G'), array(int(1), int(2))), cols, row)).toBe(true);
    expect(evalExpr(cmp('<>', col('G'), array(int(1), int(2))), cols, row)).toBe(false);
    expect(evalExpr(cmp('=', col('H'), mapOf([str('a'), int(1)])), cols, row)).toBe(true);
    expect(evalExpr(cmp('=', col('I'), structOf(['ID', int(2)])), cols, row)).toBe(true);
    expect(evalExpr(cmp('=', col('I'), structOf(['ID', int(3)])), cols, row)).toBe(false);
  });

  it('NULL makes comparisons false; DISTINCT treats NULL as a value', () => {
    expect(evalExpr(cmp('=', col('A'), int(1)), cols, { A: null })).toBe(false);
    expect(evalExpr(cmp('<>', col('A'), int(1)), cols, { A: null })).toBe(false);
    expect(evalExpr(cmp('IS DISTINCT FROM', col('A'), int(1)), cols, { A: null })).toBe(true);
    expect(evalExpr(cmp('IS DISTINCT FROM', col('A'), col('B')), cols, { A: null, B: null })).toBe(false);
    expect(evalExpr(cmp('IS NOT DISTINCT FROM', col('A'), col('B')), cols, { A: null, B: null })).toBe(true);
    expect(evalExpr(cmp('IS NOT DISTINCT FROM', col('A'), col('B')), cols, { A: 1, B: 1n })).toBe(true);
  });

  it('rejects invalid comparisons with ksqlDB messages', () => {
    expect(() => evalExpr(cmp('<', col('G'), col('G')), cols)).toThrow(
      'Cannot compare G (ARRAY<INTEGER>) to G (ARRAY<INTEGER>) with LESS_THAN.',
    );
    expect(() => evalExpr(cmp('>=', col('A'), str('not an int')), cols)).toThrow(
      "Cannot compare A (INTEGER) to 'not an int' (STRING) with GREATER_THAN_OR_EQUAL.",
    );
    expect(() => evalExpr(cmp('<>', nul(), nul()))).toThrow(
      'Comparison with NULL not supported: NULL <> NULL',
    );
  });

  it('TIMESTAMP compares with ISO strings (timestamp.json)', () => {
    expect(evalExpr(cmp('>', col('TS'), str('1970-01-01T00:00:00.010')), cols, { TS: 11 })).toBe(true);
    expect(evalExpr(cmp('=', col('TS'), str('1970-01-01T00:00:00.010')), cols, { TS: 10 })).toBe(true);
  });

  it('magic timestamps: ROWTIME and window bounds vs strings (magic-timestamp-conversion.json)', () => {
    const c = { ROWTIME: T.BIGINT, WINDOWSTART: T.BIGINT };
    expect(
      evalExpr(cmp('>', col('ROWTIME'), str('2018-01-01T00:00:00.001')), c, { ROWTIME: 1514764800002n }),
    ).toBe(true);
    expect(
      evalExpr(cmp('>', col('ROWTIME'), str('2018-01-01T00:00:00.001')), c, { ROWTIME: 1514764800001n }),
    ).toBe(false);
    expect(evalExpr(cmp('>=', col('ROWTIME'), str('2018')), c, { ROWTIME: 1514764800000n })).toBe(true);
    expect(
      evalExpr(cmp('>', col('ROWTIME'), str('2019-01-01T00:00:00+0445')), c, { ROWTIME: 1546283700001n }),
    ).toBe(true);
    expect(
      evalExpr(cmp('<=', str('2020-02-10T08:31:44.001+0000'), col('WINDOWSTART')), c, {
        WINDOWSTART: 1581323504001n,
      }),
    ).toBe(true);
    expect(
      evalExpr(between(col('ROWTIME'), str('2018-01-01T00:00:00.001'), str('2018-01-01T00:00:01')), c, {
        ROWTIME: 1514764801000n,
      }),
    ).toBe(true);
  });
});

describe('BETWEEN, IN, LIKE, IS NULL', () => {
  it('BETWEEN is inclusive; NULL gives false', () => {
    const c = { X: T.INT, S: T.STRING };
    expect(evalExpr(between(col('X'), int(2), int(4)), c, { X: 4 })).toBe(true);
    expect(evalExpr(between(col('X'), int(2), dec('3.9')), c, { X: 4 })).toBe(false);
    expect(evalExpr(between(col('X'), int(2), int(4), true), c, { X: 5 })).toBe(true);
    expect(evalExpr(between(col('X'), int(2), int(4), true), c, { X: null })).toBe(false);
    expect(evalExpr(between(col('S'), str('b'), str('c')), c, { S: 'bx' })).toBe(true);
  });

  it('IN compares numbers by value and coerces literals (in.json)', () => {
    const c = { V0: T.INT, V1: T.BIGINT, V2: T.DOUBLE, V3: T.decimal(4, 2), B: T.BOOLEAN, S: T.STRING };
    const e = inList(col('V0'), [
      int(1),
      dec('2.0'),
      dec('3.00'),
      str('4.000'),
      dec('5.10'),
      col('V1'),
      col('V2'),
    ]);
    const run = (row: Record<string, unknown>) => evalExpr(e, c, { V1: 0n, V2: 0, ...row });
    expect([1, 2, 3, 4, 5].map((v) => run({ V0: v }))).toEqual([true, true, true, true, false]);
    expect(run({ V0: 11, V1: 11n })).toBe(true);
    expect(run({ V0: 11, V2: 11.01 })).toBe(false);
    expect(evalExpr(inList(col('V0'), [int(1), str('2147483648')]), c, { V0: -2147483648 })).toBe(false);
    expect(evalExpr(inList(col('B'), [bool(true), str('TrUe'), str('tr'), str('Y')]), c, { B: true })).toBe(
      true,
    );
    expect(
      evalExpr(inList(col('S'), [bool(true), int(10), str('10.1'), dec('10.30')]), c, { S: '10.30' }),
    ).toBe(true);
    expect(evalExpr(inList(col('V0'), [int(11), nul(), col('V1')]), c, { V0: 10, V1: 10n })).toBe(true);
    expect(evalExpr(inList(col('V0'), [int(11), int(20)], true), c, { V0: 10 })).toBe(true);
    expect(evalExpr(inList(col('V0'), [int(11)], true), c, { V0: null })).toBe(false);
  });

  it('IN errors (in.json)', () => {
    const c = { ID: T.BOOLEAN, I: T.INT, VAL: T.STRING, A: T.array(T.BIGINT), BV: T.BOOLEAN };
    const opts = { clause: 'WHERE' };
    const f = (e: Parameters<typeof compileExpression>[0]) => () =>
      compileExpression(e, recordScope(c), opts);
    expect(f(inList(col('ID'), [bool(true), str('Not a boolean')]))).toThrow(
      'Invalid Predicate: invalid input syntax for type BOOLEAN: "Not a boolean".',
    );
    expect(f(inList(col('ID'), [bool(true), int(10)]))).toThrow(
      'Invalid Predicate: operator does not exist: BOOLEAN = INTEGER (10)\nHint: You might need to add explicit type casts.',
    );
    expect(f(inList(col('I'), [int(10), str('10 - not a number')]))).toThrow(
      'Invalid Predicate: invalid input syntax for type INTEGER: "10 - not a number".',
    );
    expect(f(inList(col('I'), [int(10), col('VAL')]))).toThrow(
      'Invalid Predicate: operator does not exist: INTEGER = STRING (VAL)',
    );
    expect(f(inList(col('A'), [col('A'), array(col('BV'))]))).toThrow(
      'Invalid Predicate: operator does not exist: ARRAY<BIGINT> = ARRAY<BOOLEAN> (ARRAY[BV])',
    );
    expect(f(inList(col('A'), [col('A'), array(str('10'), str('not 10'))]))).toThrow(
      'Invalid Predicate: invalid input syntax for type BIGINT: "not 10"',
    );
  });

  it('IN with structs matches fields by name (in.json "struct - valid")', () => {
    const st = T.struct([
      { name: 'A', type: T.BIGINT },
      { name: 'B', type: T.BIGINT },
    ]);
    const e = inList(col('V'), [
      structOf(['A', int(1)], ['B', int(2)]),
      structOf(['A', int(3)], ['B', int(2)], ['C', int(4)]),
      structOf(['B', int(2)], ['A', int(4)]),
      structOf(['A', int(5)]),
      structOf(['A', str('7')], ['B', int(2)]),
    ]);
    const run = (a: bigint, b: bigint | null) =>
      evalExpr(e, { V: st }, { V: new Struct(['A', 'B'], [a, b]) });
    expect([run(1n, 2n), run(2n, 2n), run(3n, 2n), run(4n, 2n), run(5n, null), run(7n, 2n)]).toEqual([
      true,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('LIKE with % _ and ESCAPE (like.json)', () => {
    const c = { V: T.STRING };
    expect(evalExpr(like(col('V'), str('%foo%')), c, { V: 'a foo b' })).toBe(true);
    expect(evalExpr(like(col('V'), str('f_o')), c, { V: 'fxo' })).toBe(true);
    expect(evalExpr(like(col('V'), str('f')), c, { V: 'foo' })).toBe(false);
    expect(evalExpr(like(col('V'), str('%!%%'), '!'), c, { V: '50% off' })).toBe(true);
    expect(evalExpr(like(col('V'), str('%!%%'), '!'), c, { V: '50 off' })).toBe(false);
    expect(evalExpr(like(col('V'), str('f%'), undefined, true), c, { V: 'bar' })).toBe(true);
    expect(evalExpr(like(col('V'), str('a.c')), c, { V: 'abc' })).toBe(false);
    expect(evalExpr(like(col('V'), str('%')), c, { V: null })).toBeNull();
  });

  it('IS [NOT] NULL', () => {
    expect(evalExpr(isNull(col('X')), { X: T.INT }, { X: null })).toBe(true);
    expect(evalExpr(isNull(col('X'), true), { X: T.INT }, { X: 0 })).toBe(true);
    expect(evalExpr(isNull(nul()))).toBe(true);
  });
});

describe('logic', () => {
  it('AND / OR / NOT with Java short-circuit null handling', () => {
    const c = { N: T.BOOLEAN };
    expect(evalExpr(or(bool(true), and(bool(false), bool(true))))).toBe(true);
    expect(evalExpr(and(not(bool(false)), not(bool(false))))).toBe(true);
    expect(evalExpr(and(bool(false), col('N')), c, { N: null })).toBe(false);
    expect(evalExpr(or(bool(true), col('N')), c, { N: null })).toBe(true);
    expect(evalExpr(and(col('N'), bool(false)), c, { N: null })).toBeNull();
    expect(evalExpr(not(col('N')), c, { N: null })).toBeNull();
  });
});

describe('CASE (case-expression.json)', () => {
  const c = { U: T.DOUBLE, O: T.INT };
  const searched = searchedCase(
    [
      [cmp('<', col('U'), dec('2.0')), str('small')],
      [cmp('<', col('U'), dec('4.0')), str('medium')],
    ],
    str('large'),
  );
  it('picks the first true branch', () => {
    expect([1, 3, 5, null].map((u) => evalExpr(searched, c, { U: u }))).toEqual([
      'small',
      'medium',
      'large',
      'large',
    ]);
  });
  it('no ELSE gives NULL; branch types must be identical like ksqlDB', () => {
    const e = searchedCase([[cmp('<', col('U'), dec('2.0')), arith('+', col('O'), int(2))]]);
    expect(evalExpr(e, c, { U: 5, O: 1 })).toBeNull();
    expect(evalExpr(e, c, { U: 1, O: 1 })).toBe(3);
    expect(typeOf(searchedCase([[bool(true), nul()]], str('x')), c)).toEqual(T.STRING);
    expect(() => typeOf(searchedCase([[bool(true), int(1)]], int('4294967296')), c)).toThrow(
      "Invalid Case expression. Type for the default clause should be the same as for 'THEN' clauses.\nTHEN type: INTEGER.\nDEFAULT type: BIGINT.",
    );
    expect(() =>
      typeOf(
        searchedCase([
          [cmp('=', col('O'), int(10)), str('x')],
          [cmp('=', col('O'), int(10)), int(10)],
        ]),
        c,
      ),
    ).toThrow(
      "Invalid Case expression. Type for all 'THEN' clauses should be the same.\nTHEN expression 'WHEN (O = 10) THEN 10' has type: INTEGER.\nPrevious THEN expression(s) type: STRING.",
    );
  });
  it('rejects all-NULL branches', () => {
    expect(() => evalExpr(searchedCase([[cmp('<', col('U'), dec('2.0')), nul()]], nul()), c)).toThrow(
      'Invalid Case expression. All case branches have NULL type',
    );
  });
  it('evaluates branches lazily', () => {
    const calls: string[] = [];
    const functions = (name: string) =>
      name === 'TRACE'
        ? {
            name,
            resolve: () => ({
              returnType: T.INT,
              invoke: (args: readonly unknown[]) => {
                calls.push(String(args[0]));
                return args[0];
              },
            }),
          }
        : undefined;
    const e = searchedCase(
      [
        [bool(true), call('TRACE', int(100))],
        [bool(true), call('TRACE', int(200))],
      ],
      call('TRACE', int(300)),
    );
    expect(compileExpression(e, recordScope({}), { functions }).evaluate({})).toBe(100);
    expect(calls).toEqual(['100']);
  });
  it('simple CASE', () => {
    const e = simpleCase(col('O'), [
      [int(1), str('one')],
      [int(2), str('two')],
    ]);
    expect([1, 2, 3, null].map((o) => evalExpr(e, c, { O: o }))).toEqual(['one', 'two', null, null]);
  });
});

describe('CAST (cast.json)', () => {
  it.each([
    [T.DOUBLE, 1.2000000000000002, prim('INT'), 1],
    [T.INT, -1, prim('BIGINT'), -1n],
    [T.INT, -1, prim('STRING'), '-1'],
    [T.DOUBLE, 10.3, prim('STRING'), '10.3'],
    [T.DOUBLE, 1, prim('STRING'), '1.0'],
    [T.DOUBLE, 1e10, prim('STRING'), '1.0E10'],
    [T.STRING, '2022-04-28T21:44:47.943', prim('TIMESTAMP'), 1651182287943],
    [T.STRING, '2022-04-28T21:44:47.943Z', prim('TIMESTAMP'), 1651182287943],
    [T.TIMESTAMP, 10, prim('STRING'), '1970-01-01T00:00:00.010'],
    [T.STRING, 'abc', prim('INT'), null],
    [T.STRING, ' 12 ', prim('INT'), 12],
    [T.decimal(4, 2), D('10.01'), prim('INT'), 10],
    [T.decimal(4, 2), D('10.01'), prim('BIGINT'), 10n],
    [T.decimal(4, 2), D('10.01'), prim('DOUBLE'), 10.01],
    [T.decimal(4, 2), D('0.00'), prim('STRING'), '0.00'],
    [T.array(T.INT), [1, 3], prim('STRING'), '[1, 3]'],
    [T.map(T.STRING, T.INT), new Map([['this', 1]]), prim('STRING'), '{this=1}'],
    [
      T.struct([
        { name: 'F0', type: T.INT },
        { name: 'f1', type: T.INT },
      ]),
      new Struct(['F0', 'f1'], [1, 3]),
      prim('STRING'),
      'Struct{F0=1,f1=3}',
    ],
  ])('%o %o as %o', (type, value, to, expected) => {
    expect(evalExpr(cast(col('X'), to), { X: type }, { X: value })).toEqual(expected);
  });

  it.each([
    [T.decimal(4, 2), '10.12', decType(5, 3), '10.120'],
    [T.INT, 1, decType(2, 1), '1.0'],
    [T.INT, 10, decType(2, 1), null],
    [T.DOUBLE, 0.99, decType(2, 1), '1.0'],
    [T.DOUBLE, 0.01, decType(2, 1), '0.0'],
    [T.DOUBLE, 1.1, decType(2, 1), '1.1'],
    [T.STRING, '0.99', decType(2, 1), '1.0'],
    [T.STRING, '0.10', decType(2, 1), '0.1'],
  ])('%o %o as DECIMAL', (type, value, to, expected) => {
    const v = type.kind === 'DECIMAL' ? D(value as string) : value;
    const r = evalExpr(cast(col('X'), to), { X: type }, { X: v });
    expect(r === null ? null : String(r)).toBe(expected);
  });

  it('casts collections element-wise', () => {
    expect(
      evalExpr(
        cast(col('X'), { kind: 'Array', element: prim('INT') }),
        { X: T.array(T.BIGINT) },
        { X: [1n, 2147483648n] },
      ),
    ).toEqual([1, -2147483648]);
    const st = T.struct([
      { name: 'F0', type: T.BIGINT },
      { name: 'F1', type: T.STRING },
    ]);
    const r = evalExpr(
      cast(col('X'), {
        kind: 'Struct',
        fields: [
          { name: { name: 'F0', quoted: false }, type: prim('STRING') },
          { name: { name: 'F3', quoted: false }, type: prim('STRING') },
        ],
      }),
      { X: st },
      { X: new Struct(['F0', 'F1'], [1n, '3']) },
    ) as Struct;
    expect(r.names).toEqual(['F0', 'F3']);
    expect(r.values).toEqual(['1', null]);
  });

  it('rejects unsupported casts with the codegen prefix', () => {
    expect(() =>
      compileExpression(
        cast(col('X'), { kind: 'Array', element: prim('INT') }),
        recordScope({ X: T.STRING }),
        {
          clause: 'SELECT',
        },
      ),
    ).toThrow('Invalid Select: Cast of STRING to ARRAY<INTEGER> is not supported');
  });

  it('CAST(NULL AS T) has type T', () => {
    expect(typeOf(cast(nul(), prim('INT')))).toEqual(T.INT);
  });
});

describe('collections', () => {
  it('array subscripts are 1-based with negative indexes from the end', () => {
    const c = { A: T.array(T.INT) };
    const row = { A: [10, 20, 30] };
    expect(
      [1, 3, -1, -3, 0, 4, -4].map((i) =>
        evalExpr(subscript(col('A'), i < 0 ? neg(int(-i)) : int(i)), c, row),
      ),
    ).toEqual([10, 30, 30, 10, null, null, null]);
    expect(evalExpr(subscript(col('A'), int(1)), c, { A: null })).toBeNull();
  });
  it('map subscripts and struct dereference', () => {
    const c = {
      M: T.map(T.STRING, T.STRING),
      S: T.struct([{ name: 'PERSON', type: T.struct([{ name: 'NAME', type: T.STRING }]) }]),
    };
    const row = {
      M: new Map([['status', 'false']]),
      S: new Struct(['PERSON'], [new Struct(['NAME'], ['bob'])]),
    };
    expect(evalExpr(subscript(col('M'), str('status')), c, row)).toBe('false');
    expect(evalExpr(subscript(col('M'), str('missing')), c, row)).toBeNull();
    expect(evalExpr(deref(deref(col('S'), 'PERSON'), 'NAME'), c, row)).toBe('bob');
    expect(
      evalExpr(deref(deref(col('S'), 'PERSON'), 'NAME'), c, { S: new Struct(['PERSON'], [null]) }),
    ).toBeNull();
  });
  it('constructors widen their elements', () => {
    expect(typeOf(array(int(1), int('123456789000')))).toEqual(T.array(T.BIGINT));
    expect(evalExpr(array(int(1), int('123456789000')))).toEqual([1n, 123456789000n]);
    expect(evalExpr(mapOf([str('a'), int(1)]))).toEqual(new Map([['a', 1]]));
    const s = evalExpr(structOf(['ID', int(2)])) as Struct;
    expect(s.get('ID')).toBe(2);
  });
});

describe('functions', () => {
  it('unknown functions use ksqlDB wording', () => {
    expect(() => evalExpr(call('WONT_FIND_ME'))).toThrow(
      "Can't find any functions with the name 'WONT_FIND_ME'",
    );
    expect(() => evalExpr(call('WONT_FIND_ME'))).toThrow(KsqlStatementError);
  });
});
