import { describe, expect, it } from 'vitest';
import {
  array,
  call,
  col,
  dec,
  evalExpr,
  int,
  mapOf,
  nul,
  str,
  typeOf,
} from '../../expression/test-support.ts';
import * as T from '../../types/sql-type.ts';

describe('more scalar functions', () => {
  it('GREATEST / LEAST widen and skip NULLs', () => {
    expect(evalExpr(call('GREATEST', int(1), int('4294967296'), nul()))).toBe(4294967296n);
    expect(typeOf(call('LEAST', int(3), dec('2.5')))).toEqual(T.decimal(11, 1));
    expect(String(evalExpr(call('LEAST', int(3), dec('2.5'))))).toBe('2.5');
    expect(evalExpr(call('GREATEST', col('X'), col('X')), { X: T.STRING }, { X: null })).toBeNull();
  });
  it('collections', () => {
    const m = mapOf([str('a'), int(1)], [str('b'), int(2)]);
    expect(evalExpr(call('MAP_KEYS', m))).toEqual(['a', 'b']);
    expect(evalExpr(call('MAP_VALUES', m))).toEqual([1, 2]);
    expect(evalExpr(call('ARRAY_JOIN', array(dec('1.0'), dec('2.5')), str('|')))).toBe('1.0|2.5');
    expect(evalExpr(call('ARRAY_DISTINCT', array(int(1), int(2), int(1))))).toEqual([1, 2]);
    expect(evalExpr(call('ARRAY_LENGTH', array(int(1), int(2))))).toBe(2);
    expect(evalExpr(call('ARRAY_CONTAINS', array(int(1), int(2)), int(2)))).toBe(true);
  });
  it('regular expressions', () => {
    expect(evalExpr(call('REGEXP_REPLACE', str('a1b22'), str('[0-9]+'), str('#')))).toBe('a#b#');
    expect(evalExpr(call('REGEXP_EXTRACT', str('(\\d+)-(\\d+)'), str('tel 12-34'), int(2)))).toBe('34');
    expect(evalExpr(call('REGEXP_EXTRACT', str('x'), str('abc')))).toBeNull();
  });
  it('MASK family', () => {
    expect(evalExpr(call('MASK', str('AbC-12 z')))).toBe('XxX-nn-x');
    expect(evalExpr(call('MASK', str('AbC-12'), str('*'), nul(), str('#')))).toBe('*b*-##');
    expect(evalExpr(call('MASK_LEFT', str('AbCd12'), int(3)))).toBe('XxXd12');
    expect(evalExpr(call('MASK_RIGHT', str('AbCd12'), int(2)))).toBe('AbCdnn');
    expect(evalExpr(call('MASK_KEEP_LEFT', str('AbCd12'), int(2)))).toBe('AbXxnn');
    expect(evalExpr(call('MASK_KEEP_RIGHT', str('AbCd12'), int(2)))).toBe('XxXx12');
  });
  it('UUID', () => {
    expect(evalExpr(call('UUID'))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
