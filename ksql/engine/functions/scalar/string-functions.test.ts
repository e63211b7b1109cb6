import { describe, expect, it } from 'vitest';
import {
  call,
  cast,
  col,
  evalExpr,
  int,
  neg,
  nul,
  prim,
  str,
  typeOf,
} from '../../expression/test-support.ts';
import * as T from '../../types/sql-type.ts';

const S = { S: T.STRING, B: T.BYTES };
const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
const run = (e: Parameters<typeof evalExpr>[0], row: Record<string, unknown>) => evalExpr(e, S, row);

describe('string functions', () => {
  it.each([
    ['lower', 'lower', 'LOWER', 'lower', 'ower'],
    ['UPPER', 'upper', 'UPPER', 'UPPER', 'PPER'],
    ['MiXeD', 'mixed', 'MIXED', 'MiXeD', 'iXeD'],
    [
      ' \t with white space \t',
      ' \t with white space \t',
      ' \t WITH WHITE SPACE \t',
      'with white space',
      '\t wit',
    ],
    ['s', 's', 'S', 's', ''],
    ['long enough', 'long enough', 'LONG ENOUGH', 'long enough', 'ong e'],
  ])('LCASE UCASE TRIM SUBSTRING(%j) (string.json)', (s, l, u, tr, sub) => {
    expect(run(call('LCASE', col('S')), { S: s })).toBe(l);
    expect(run(call('UCASE', col('S')), { S: s })).toBe(u);
    expect(run(call('TRIM', col('S')), { S: s })).toBe(tr);
    expect(run(call('SUBSTRING', col('S'), int(2), int(5)), { S: s })).toBe(sub);
  });

  it.each([
    ['some_string', 'string', 'str'],
    ['another', 'er', 'er'],
    ['short', '', ''],
  ])('SUBSTRING(%j, 6 [, 3]) (substring.json)', (s, from6, from6len3) => {
    expect(run(call('SUBSTRING', col('S'), int(6)), { S: s })).toBe(from6);
    expect(run(call('SUBSTRING', col('S'), int(6), int(3)), { S: s })).toBe(from6len3);
    expect(run(call('SUBSTRING', col('S'), nul()), { S: s })).toBeNull();
    expect(run(call('SUBSTRING', col('S'), int(6), nul()), { S: s })).toBeNull();
  });

  it('SUBSTRING edge positions', () => {
    expect(run(call('SUBSTRING', col('S'), int(0), int(2)), { S: 'some string' })).toBe('so');
    expect(run(call('SUBSTRING', col('S'), neg(int(3))), { S: 'abcdef' })).toBe('def');
    expect(run(call('SUBSTRING', cast(nul(), prim('STRING')), int(1)), {})).toBeNull();
  });

  it('SUBSTRING and LEN on BYTES (substring.json, len.json)', () => {
    const r = run(call('SUBSTRING', col('B'), int(6), int(3)), { B: b64('c29tZV9zdHJpbmc=') }) as Uint8Array;
    expect(Buffer.from(r).toString('base64')).toBe('c3Ry');
    expect(typeOf(call('SUBSTRING', col('B'), int(6)), S)).toEqual(T.BYTES);
    expect(run(call('LEN', col('B')), { B: b64('YWJj') })).toBe(3);
    expect(run(call('LEN', col('S')), { S: 'ABC' })).toBe(3);
    expect(run(call('LEN', col('S')), { S: null })).toBeNull();
  });

  it('CONCAT treats NULL as empty; CONCAT_WS skips NULLs (concat.json)', () => {
    const c = { S1: T.STRING, C1: T.STRING, C2: T.STRING, C3: T.STRING };
    const ws = call('CONCAT_WS', col('S1'), col('C1'), col('C2'), col('C3'), nul(), str('literal'));
    expect(evalExpr(ws, c, { S1: 'SEP', C1: 'foo', C2: 'bar', C3: 'baz' })).toBe('fooSEPbarSEPbazSEPliteral');
    expect(evalExpr(ws, c, { S1: 'SEP', C1: 'foo', C2: null, C3: 'baz' })).toBe('fooSEPbazSEPliteral');
    expect(evalExpr(ws, c, { S1: 'SEP', C1: null, C2: null, C3: null })).toBe('literal');
    expect(evalExpr(ws, c, { S1: null, C1: 'foo', C2: 'bar', C3: 'baz' })).toBeNull();
    expect(evalExpr(call('CONCAT', str('prefix-'), col('C1'), str('-postfix')), c, { C1: 's1' })).toBe(
      'prefix-s1-postfix',
    );
    expect(evalExpr(call('CONCAT', str("'"), call('CONCAT', col('C1'), str("'"))), c, { C1: 'foo' })).toBe(
      "'foo'",
    );
  });

  it('CONCAT and CONCAT_WS on BYTES (concat.json)', () => {
    const c = { S1: T.BYTES, C1: T.BYTES, C2: T.BYTES, C3: T.BYTES };
    const ws = call('CONCAT_WS', col('S1'), col('C1'), col('C2'), nul(), col('C3'));
    const r = evalExpr(ws, c, {
      S1: b64('YQ=='),
      C1: b64('Yg=='),
      C2: b64('eWVz'),
      C3: b64('bm8='),
    }) as Uint8Array;
    expect(Buffer.from(r).toString('base64')).toBe('YmF5ZXNhbm8=');
    const r2 = evalExpr(call('CONCAT', col('C1'), nul(), col('C2')), c, { C1: b64('eWVz'), C2: b64('bm8=') });
    expect(Buffer.from(r2 as Uint8Array).toString('base64')).toBe('eWVzbm8=');
  });

  it.each([
    [call('REPLACE', str('a-b-c'), str('-'), str('+')), 'a+b+c'],
    [call('SPLIT', str('a,b,,c'), str(',')), ['a', 'b', '', 'c']],
    [call('INSTR', str('ya i see it'), str('ya')), 1],
    [call('INSTR', str('suuure'), str('ya')), 0],
    [call('INSTR', str('CORPORATE FLOOR'), str('OR'), int(3)), 5],
    [call('INSTR', str('CORPORATE FLOOR'), str('OR'), neg(int(3)), int(2)), 2],
    [call('LPAD', str('abc'), int(6), str('xy')), 'xyxabc'],
    [call('RPAD', str('abc'), int(6), str('xy')), 'abcxyx'],
    [call('LPAD', str('abcdef'), int(3), str('x')), 'abc'],
    [call('INITCAP', str('the quick BROWN fox')), 'The Quick Brown Fox'],
    [call('LTRIM', str('  a  ')), 'a  '],
    [call('RTRIM', str('  a  ')), '  a'],
  ])('%# %j', (e, v) => {
    expect(evalExpr(e)).toEqual(v);
  });

  it('EXTRACTJSONFIELD', () => {
    const j = '{"a":{"b":[1,{"c":"x"}],"n":1.50,"o":{"k":true}}}';
    expect(evalExpr(call('EXTRACTJSONFIELD', str(j), str('$.a.b[1].c')))).toBe('x');
    expect(evalExpr(call('EXTRACTJSONFIELD', str(j), str('$.a.n')))).toBe('1.50');
    expect(evalExpr(call('EXTRACTJSONFIELD', str(j), str('$.a.o')))).toBe('{"k":true}');
    expect(evalExpr(call('EXTRACTJSONFIELD', str(j), str('$.missing')))).toBeNull();
    expect(evalExpr(call('EXTRACTJSONFIELD', str('not json'), str('$.a')))).toBeNull();
  });

  it('rejects wrong arguments with ksqlDB wording', () => {
    expect(() => evalExpr(call('COALESCE'))).toThrow("Function 'COALESCE' does not accept parameters ()");
    expect(() => evalExpr(call('UCASE', int(1)))).toThrow(
      "Function 'UCASE' does not accept parameters (INTEGER)",
    );
  });
});
