import { describe, expect, it } from 'vitest';
import * as T from '../types/sql-type.ts';
import { compileExpression } from './compile-expression.ts';
import type { Scope } from './scope.ts';
import { arith, bool, call, cmp, col, dec, inList, int, recordScope, str } from './test-support.ts';

const compile = (e: Parameters<typeof compileExpression>[0], scope: Scope, clause: string) => () =>
  compileExpression(e, scope, { clause });

describe('WHERE / HAVING errors (comparison-expression.json, in.json)', () => {
  const scope = recordScope({ ID: T.INT, D: T.decimal(4, 2), V: T.STRING });

  it('prefixes type errors with the clause', () => {
    expect(compile(cmp('>=', col('ID'), str('not an int')), scope, 'WHERE')).toThrow(
      "Error in WHERE expression: Cannot compare ID (INTEGER) to 'not an int' (STRING) with GREATER_THAN_OR_EQUAL.",
    );
    expect(compile(arith('+', bool(true), dec('1.5')), scope, 'WHERE')).toThrow(
      'Error in WHERE expression: Error processing expression: (true + 1.5). Unsupported arithmetic types. BOOLEAN DECIMAL',
    );
  });

  it('requires a BOOLEAN predicate', () => {
    expect(compile(str('not a boolean'), scope, 'WHERE')).toThrow(
      "Type error in WHERE expression: Should evaluate to boolean but is 'not a boolean' (STRING) instead.",
    );
    expect(compile(arith('+', call('RANDOM'), dec('1.5')), scope, 'WHERE')).toThrow(
      'Type error in WHERE expression: Should evaluate to boolean but is (RANDOM() + 1.5) (DOUBLE) instead.',
    );
  });

  it('leaves SELECT errors unprefixed', () => {
    expect(compile(cmp('>=', col('ID'), str('x')), scope, 'SELECT')).toThrow(/^Cannot compare ID/);
  });

  it('names the widened value type in IN errors', () => {
    expect(compile(inList(col('D'), [int(10), bool(true)]), scope, 'WHERE')).toThrow(
      'Invalid Predicate: operator does not exist: DECIMAL(12, 2) = BOOLEAN (true)',
    );
    expect(compile(inList(col('D'), [int(10), col('V')]), scope, 'WHERE')).toThrow(
      'Invalid Predicate: operator does not exist: DECIMAL(12, 2) = STRING (V)',
    );
  });

  it('prints columns that stand for aggregates with their display text', () => {
    const aggScope: Scope = {
      resolveColumn: (name) =>
        name === '\u0000A0' ? { type: T.BIGINT, displayText: 'SUM(VALUE)', read: () => 1n } : undefined,
    };
    const ref = {
      kind: 'ColumnRef' as const,
      name: { name: '\u0000A0', quoted: true },
      loc: { line: 1, column: 1 },
    };
    expect(compile(cmp('>', ref, str('100')), aggScope, 'HAVING')).toThrow(
      "Error in HAVING expression: Cannot compare SUM(VALUE) (BIGINT) to '100' (STRING) with GREATER_THAN.",
    );
  });
});
