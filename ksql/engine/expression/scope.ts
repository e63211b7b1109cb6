import type { ScalarFunction, FunctionContext } from '../functions/function-types.ts';
import type { Expression } from '../parser/ast.ts';
import type { SqlType } from '../types/sql-type.ts';

/**
 * Whatever the planner's column readers take (a record, an array of values, a join pair...).
 * The expression compiler never looks inside it; it only passes it to `ColumnBinding.read`.
 */
export type EvalRow = unknown;

/** A resolved column: its type and how to read its value from a row. */
export interface ColumnBinding {
  readonly type: SqlType;
  /**
   * How error messages print a reference to this column when it stands for another expression
   * (an aggregate call the planner replaced by an internal column): ksqlDB prints the original,
   * "Cannot compare SUM(VALUE) (BIGINT) to '100' (STRING) ...".
   */
  readonly displayText?: string;
  /** Called unbound, once per evaluation; must return null (never undefined) for a missing value. */
  readonly read: (row: EvalRow) => unknown;
}

/**
 * The columns an expression can see. The planner implements it over key, value and pseudo
 * columns (ROWTIME, WINDOWSTART, ... are plain names here). `source` is the qualifier as written
 * (`a.col`), already case-resolved by the parser. Return undefined for an unknown column: the
 * compiler raises ksqlDB's "column 'X' cannot be resolved" error.
 */
export interface Scope {
  resolveColumn(name: string, source?: string): ColumnBinding | undefined;
}

/** A compiled expression: its SQL type (undefined for a bare NULL literal) and its evaluator. */
export interface CompiledExpression {
  readonly type: SqlType | undefined;
  readonly evaluate: (row: EvalRow) => unknown;
}

export interface CompileOptions {
  /**
   * The clause being compiled (`SELECT`, `WHERE`, `HAVING`, `GROUP BY`, `PARTITION BY`, ...).
   * It names the clause in unresolved-column errors ("WHERE column 'BOB' cannot be resolved.")
   * and picks the prefix of errors ksqlDB raises at code generation ("Invalid Select: Cast of
   * ...", "Invalid Predicate: operator does not exist: ..."). Type errors ("Cannot compare ...")
   * carry no prefix: ksqlDB's "Error in WHERE expression: " is the caller's to add.
   */
  readonly clause?: string;
  /** Scalar function lookup; defaults to functions/scalar/registry.ts. */
  readonly functions?: (name: string) => ScalarFunction | undefined;
  /**
   * Called when an evaluation fails (NULL operand of arithmetic, division by zero, ...); the
   * value is NULL either way. ksqlDB writes these to the processing log.
   */
  readonly onError?: (error: unknown, expression: Expression) => void;
  /** Time zone and clock for time functions; defaults to UTC and Date.now. */
  readonly functionContext?: FunctionContext;
}
