import { describe, expect, it } from 'vitest';
import { formatExpression } from './format-expression.ts';
import {
  arith,
  array,
  between,
  bool,
  call,
  cast,
  cmp,
  col,
  dec,
  deref,
  inList,
  int,
  isNull,
  mapOf,
  not,
  nul,
  prim,
  searchedCase,
  str,
  structOf,
  subscript,
} from './test-support.ts';

describe("formatExpression prints like ksqlDB's ExpressionFormatter", () => {
  it.each([
    [arith('+', call('RANDOM'), dec('1.5')), '(RANDOM() + 1.5)'],
    [arith('+', bool(true), dec('1.5')), '(true + 1.5)'],
    [cmp('>=', col('ID'), str("it's")), "(ID >= 'it''s')"],
    [mapOf([str('a'), col('VAL1')]), "MAP('a':=VAL1)"],
    [structOf(['F0', col('VAL1')]), 'STRUCT(F0:=VAL1)'],
    [array(int(1), int(2)), 'ARRAY[1, 2]'],
    [col('BAR', 'I1'), 'I1.BAR'],
    [col('lower'), '`lower`'],
    [subscript(col('A'), int(1)), 'A[1]'],
    [deref(col('S'), 'F'), 'S->F'],
    [cast(nul(), prim('INT')), 'CAST(null AS INTEGER)'],
    [between(col('X'), int(1), int(2)), '(X BETWEEN 1 AND 2)'],
    [inList(col('X'), [int(1), int(2)], true), '(X NOT IN (1, 2))'],
    [isNull(col('X'), true), '(X IS NOT NULL)'],
    [not(bool(false)), '(NOT false)'],
    [searchedCase([[cmp('=', col('O'), int(10)), int(1)]]), '(CASE WHEN (O = 10) THEN 1 END)'],
  ])('%#: %s', (e, text) => {
    expect(formatExpression(e)).toBe(text);
  });
});
