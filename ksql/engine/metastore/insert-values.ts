import type { SourceInfo } from '../api.ts';
import { KsqlStatementError } from '../errors.ts';
import { compileExpression } from '../expression/compile-expression.ts';
import type { Scope } from '../expression/scope.ts';
import type { FunctionContext } from '../functions/function-types.ts';
import type { InsertValues } from '../parser/ast.ts';
import type { Column } from '../schema/logical-schema.ts';
import { castConverter } from '../types/cast.ts';
import { formatSqlType } from '../types/sql-type.ts';

export interface InsertRow {
  readonly key: unknown[];
  readonly value: unknown[];
  readonly timestamp: number | undefined;
}

const EMPTY_SCOPE: Scope = { resolveColumn: () => undefined };

/**
 * INSERT INTO ... VALUES: evaluates the literal expressions and coerces them to the column
 * types. Columns default to all key then value columns; ROWTIME may be given (else the caller
 * uses the clock); ROWPARTITION/ROWOFFSET may not (reference e.10).
 */
export function evaluateInsertValues(stmt: InsertValues, target: SourceInfo, fc: FunctionContext): InsertRow {
  const st = stmt.text;
  if (target.isSource) {
    throw new KsqlStatementError(
      `Cannot insert values into read-only ${target.type === 'STREAM' ? 'stream' : 'table'}: ${target.name}`,
      st,
    );
  }
  const all: Column[] = [...target.schema.key, ...target.schema.value];
  const names = stmt.columns ? stmt.columns.map((c) => c.name) : all.map((c) => c.name);
  if (names.length !== stmt.values.length) {
    throw new KsqlStatementError(
      stmt.columns
        ? `Failed to prepare statement: Expected number columns and values to match: ${names.length}, ${stmt.values.length}`
        : `Failed to prepare statement: Expected a value for each column. Expected Columns: [${names.join(', ')}]. Got ${stmt.values.length} values.`,
      st,
    );
  }
  const key: unknown[] = target.schema.key.map(() => null);
  const value: unknown[] = target.schema.value.map(() => null);
  let timestamp: number | undefined;
  names.forEach((name, i) => {
    const expr = stmt.values[i];
    if (!expr) return;
    const c = compileExpression(expr, EMPTY_SCOPE, { clause: 'VALUES', functionContext: fc });
    const raw = c.evaluate([]);
    if (name === 'ROWTIME') {
      timestamp = raw === null ? undefined : Number(raw);
      return;
    }
    if (name === 'ROWPARTITION' || name === 'ROWOFFSET') {
      throw new KsqlStatementError(`Inserting into column \`${name}\` is not allowed.`, st);
    }
    const ki = target.schema.key.findIndex((k) => k.name === name);
    const vi = target.schema.value.findIndex((v) => v.name === name);
    const col = ki >= 0 ? target.schema.key[ki] : target.schema.value[vi];
    if (!col) throw new KsqlStatementError(`Column name ${name} does not exist.`, st);
    let v: unknown = raw;
    if (typeof raw === 'string' && col.type.kind === 'BYTES') {
      // A string literal for a BYTES column is base64 (sql-tests/test.sql "insert bytes").
      v = new Uint8Array(Buffer.from(raw, 'base64'));
    } else if (raw !== null && c.type && JSON.stringify(c.type) !== JSON.stringify(col.type)) {
      const conv = castConverter(c.type, col.type);
      if (!conv) {
        throw new KsqlStatementError(
          `Expected type ${formatSqlType(col.type)} for field ${col.name} but got ${formatSqlType(c.type)}`,
          st,
        );
      }
      v = conv(raw);
    }
    if (ki >= 0) key[ki] = v;
    else value[vi] = v;
  });
  return { key, value, timestamp };
}
