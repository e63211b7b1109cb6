/**
 * UDFs that ksqlDB's functional-test jar registers for its QTT cases (ksqldb-functional-tests
 * test UDFs), so those cases run here too: WHENCONDITION / WHENRESULT fail when CASE evaluates a
 * branch it should not (case-expression.json "should execute branches lazily"); BAD_UDF fails on
 * an INT, fails on a true BOOLEAN (else 0) and returns NULL every other call on a STRING
 * (group-by.json "should exclude any stream row whose single GROUP BY expression throws",
 * "single expression with nulls").
 */
import { BOOLEAN, INT, STRING } from '../../types/sql-type.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

class TestUdfError extends Error {}

export const whenCondition = scalarFunction('WHENCONDITION', (t) =>
  t.length === 2 && argIs(t[0], 'BOOLEAN') && argIs(t[1], 'BOOLEAN')
    ? resolved(BOOLEAN, ([ret, shouldRun]) => {
        if (shouldRun !== true) throw new TestUdfError('When condition in case is not running lazily!');
        return ret;
      })
    : noOverload('WHENCONDITION', t),
);

export const whenResult = scalarFunction('WHENRESULT', (t) =>
  t.length === 2 && argIs(t[0], 'INT') && argIs(t[1], 'BOOLEAN')
    ? resolved(INT, ([ret, shouldRun]) => {
        if (shouldRun !== true) throw new TestUdfError('Case result is not running lazily!');
        return ret;
      })
    : noOverload('WHENRESULT', t),
);

export const badUdf = scalarFunction('BAD_UDF', (t) => {
  if (t.length !== 1) return noOverload('BAD_UDF', t);
  switch (t[0]?.kind) {
    case 'INT':
      return resolved(STRING, () => {
        throw new TestUdfError('boom!');
      });
    case 'BOOLEAN':
      return resolved(INT, ([b]) => {
        if (b === true) throw new TestUdfError('You asked me to throw...');
        return 0;
      });
    case 'STRING': {
      let calls = 0;
      return resolved(STRING, ([s]) => (calls++ % 2 === 0 ? null : s));
    }
    default:
      return noOverload('BAD_UDF', t);
  }
});
