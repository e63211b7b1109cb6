import { describe, expect, it } from 'vitest';
import { bin, cmp, col, int, logic, sameExpression, str } from './test-support.ts';

describe('parseExpression: precedence (SqlBase.g4 booleanExpression / valueExpression)', () => {
  it('binds * / % tighter than + -, left-associative', () => {
    expect(
      sameExpression('a + b * c - d', 'A+B*C-D', '(a + (b * c)) - d', 'a /* x */ + b*c -- y\n - d'),
    ).toEqual(bin('-', bin('+', col('A'), bin('*', col('B'), col('C'))), col('D')));
    expect(sameExpression('a % b / c')).toEqual(bin('/', bin('%', col('A'), col('B')), col('C')));
  });

  it('binds NOT tighter than AND, AND tighter than OR, comparisons tighter than NOT', () => {
    expect(sameExpression('NOT a = 1 AND b OR c', 'not (a = 1) and b or c')).toEqual(
      logic('OR', logic('AND', { kind: 'Not', operand: cmp('=', col('A'), int('1')) }, col('B')), col('C')),
    );
  });

  it('reads a minus before a number as a negative literal, otherwise as an operator', () => {
    expect(sameExpression('-5', '- 5')).toEqual(int('-5'));
    expect(sameExpression('a -5', 'a - 5')).toEqual(bin('-', col('A'), int('5')));
    expect(sameExpression('a - -5')).toEqual(bin('-', col('A'), int('-5')));
    expect(sameExpression('-a * b')).toEqual(
      bin('*', { kind: 'ArithmeticUnary', sign: '-', operand: col('A') }, col('B')),
    );
    expect(sameExpression('-(5)')).toEqual({ kind: 'ArithmeticUnary', sign: '-', operand: int('5') });
    expect(sameExpression('-9223372036854775808')).toEqual(int('-9223372036854775808'));
  });

  it('turns || into CONCAT like ksqlDB, with the lowest value precedence', () => {
    expect(sameExpression("a || 'x' + b")).toEqual({
      kind: 'FunctionCall',
      name: 'CONCAT',
      args: [col('A'), bin('+', str('x'), col('B'))],
      star: false,
    });
  });
});

describe('parseExpression: predicates', () => {
  it('comparisons, with != normalised to <>', () => {
    expect(sameExpression('a != b', 'a <> b')).toEqual(cmp('<>', col('A'), col('B')));
    for (const op of ['=', '<', '<=', '>', '>='])
      expect(sameExpression(`a ${op} 1`)).toEqual(cmp(op, col('A'), int('1')));
  });

  it('IS [NOT] NULL and IS [NOT] DISTINCT FROM', () => {
    expect(sameExpression('a IS NOT NULL', 'a is not null')).toEqual({
      kind: 'IsNull',
      negated: true,
      operand: col('A'),
    });
    expect(sameExpression('a IS DISTINCT FROM b')).toEqual(cmp('IS DISTINCT FROM', col('A'), col('B')));
    expect(sameExpression('a is not distinct from b')).toEqual(
      cmp('IS NOT DISTINCT FROM', col('A'), col('B')),
    );
  });

  it('[NOT] BETWEEN binds its AND before the logical AND', () => {
    expect(sameExpression('a NOT BETWEEN 1 AND 2 AND b')).toEqual(
      logic(
        'AND',
        { kind: 'Between', negated: true, value: col('A'), lower: int('1'), upper: int('2') },
        col('B'),
      ),
    );
  });

  it('[NOT] IN (list) and [NOT] LIKE [ESCAPE]', () => {
    expect(sameExpression("a IN (1, 'x', b + 1)")).toEqual({
      kind: 'InList',
      negated: false,
      value: col('A'),
      list: [int('1'), str('x'), bin('+', col('B'), int('1'))],
    });
    expect(sameExpression("a NOT LIKE '%x!%' ESCAPE '!'")).toEqual({
      kind: 'Like',
      negated: true,
      value: col('A'),
      pattern: str('%x!%'),
      escape: '!',
    });
  });
});

describe('parseExpression: primaries', () => {
  it('literals of every kind', () => {
    expect(sameExpression('NULL', 'null')).toEqual({ kind: 'NullLiteral' });
    expect(sameExpression('True', 'TRUE')).toEqual({ kind: 'BooleanLiteral', value: true });
    expect(sameExpression('12.30')).toEqual({ kind: 'DecimalLiteral', text: '12.30' });
    expect(sameExpression('-1.5E3')).toEqual({ kind: 'DoubleLiteral', text: '-1.5E3' });
    expect(sameExpression("'it''s'")).toEqual(str("it's"));
  });

  it('column references: plain, qualified, quoted, non-reserved keywords', () => {
    expect(sameExpression('s.col', 'S.COL', 's . col')).toEqual(col('COL', 'S'));
    expect(sameExpression('`S`.`COL`')).toMatchObject({
      source: { name: 'S', quoted: true },
      name: { name: 'COL', quoted: true },
    });
    expect(sameExpression('`MixedCase`')).toEqual({
      kind: 'ColumnRef',
      name: { name: 'MixedCase', quoted: true },
    });
    expect(sameExpression('key', 'KEY')).toEqual(col('KEY'));
    expect(sameExpression('"lower"', '`lower`')).toEqual({
      kind: 'ColumnRef',
      name: { name: 'lower', quoted: true },
    });
  });

  it('function calls: COUNT(*), COUNT(), upper-cased names, time-unit arguments', () => {
    expect(sameExpression('count(*)', 'COUNT( * )')).toEqual({
      kind: 'FunctionCall',
      name: 'COUNT',
      args: [],
      star: true,
    });
    expect(sameExpression('count()')).toEqual({ kind: 'FunctionCall', name: 'COUNT', args: [], star: false });
    expect(sameExpression('timestampadd(SECONDS, 5, ts)')).toEqual({
      kind: 'FunctionCall',
      name: 'TIMESTAMPADD',
      args: [{ kind: 'IntervalUnit', unit: 'SECONDS' }, int('5'), col('TS')],
      star: false,
    });
  });

  it('CAST with composite types and type aliases', () => {
    expect(sameExpression('CAST(a AS VARCHAR)', 'cast(a as STRING)')).toEqual({
      kind: 'Cast',
      operand: col('A'),
      type: { kind: 'Primitive', name: 'STRING' },
    });
    expect(sameExpression('CAST(a AS MAP<STRING, ARRAY<DECIMAL(4, 2)>>)')).toMatchObject({
      type: { kind: 'Map', value: { kind: 'Array', element: { kind: 'Decimal', precision: 4, scale: 2 } } },
    });
  });

  it('searched and simple CASE', () => {
    expect(sameExpression("CASE WHEN a > 1 THEN 'x' ELSE 'y' END")).toEqual({
      kind: 'SearchedCase',
      whens: [{ when: cmp('>', col('A'), int('1')), then: str('x') }],
      else: str('y'),
    });
    expect(sameExpression('case a when 1 then 2 when 3 then 4 end')).toEqual({
      kind: 'SimpleCase',
      operand: col('A'),
      whens: [
        { when: int('1'), then: int('2') },
        { when: int('3'), then: int('4') },
      ],
    });
  });

  it('subscripts, dereferences and constructors', () => {
    expect(sameExpression("s->f[1]['k']")).toEqual({
      kind: 'Subscript',
      base: {
        kind: 'Subscript',
        base: { kind: 'Dereference', base: col('S'), field: { name: 'F', quoted: false } },
        index: int('1'),
      },
      index: str('k'),
    });
    expect(sameExpression('ARRAY[1, 2]')).toEqual({ kind: 'CreateArray', elements: [int('1'), int('2')] });
    expect(sameExpression("MAP('a' := 1)")).toEqual({
      kind: 'CreateMap',
      entries: [{ key: str('a'), value: int('1') }],
    });
    expect(sameExpression('STRUCT(`f` := 1, G := a)')).toEqual({
      kind: 'CreateStruct',
      fields: [
        { name: { name: 'f', quoted: true }, value: int('1') },
        { name: { name: 'G', quoted: false }, value: col('A') },
      ],
    });
  });

  it('lambdas: parameters become LambdaVariable in the body only', () => {
    expect(sameExpression('filter(arr, x => x > y)', 'FILTER(arr, (x) => x > y)')).toEqual({
      kind: 'FunctionCall',
      name: 'FILTER',
      args: [
        col('ARR'),
        { kind: 'Lambda', params: ['X'], body: cmp('>', { kind: 'LambdaVariable', name: 'X' }, col('Y')) },
      ],
      star: false,
    });
    expect(sameExpression('reduce(m, 0, (s, k, v) => s + v)')).toMatchObject({
      args: [col('M'), int('0'), { kind: 'Lambda', params: ['S', 'K', 'V'] }],
    });
  });
});

describe('parseExpression: typeConstructor', () => {
  it('accepts `DECIMAL` with a string value only', () => {
    expect(sameExpression("`DECIMAL` '1.50'")).toEqual({ kind: 'DecimalLiteral', text: '1.50' });
    expect(() => sameExpression("`DATE` '2020-01-01'")).toThrow('Unknown type: DATE');
  });
});
