import type { SqlType } from '../types/sql-type.ts';

/**
 * Scalar functions (UDFs). One file per function in functions/scalar/<name>.ts, registered in
 * functions/scalar/registry.ts. `resolve` picks the overload for the argument types (null
 * literal arguments have type undefined) or returns an error message in ksqlDB's wording.
 */
export interface ScalarFunction {
  readonly name: string;
  resolve(argTypes: readonly (SqlType | undefined)[]): ResolvedScalar | { readonly error: string };
}

export interface ResolvedScalar {
  readonly returnType: SqlType;
  /** Called with evaluated arguments (nulls included); returns the result or null. */
  invoke(args: readonly unknown[], ctx: FunctionContext): unknown;
  /** Lambda functions get unevaluated lambda arguments; absent for ordinary functions. */
  readonly lambdaArgs?: readonly number[];
}

export interface FunctionContext {
  /** Time zone for functions whose result depends on one (ksqlDB's JVM default zone). */
  readonly defaultTimeZone: string;
  /** Wall-clock now in ms (injected so tests are deterministic). */
  now(): number;
}

/**
 * Aggregate functions (UDAFs), shaped like ksqlDB's `Udaf<I, A, O>`: one file per function in
 * functions/aggregate/<name>.ts, registered in functions/aggregate/registry.ts.
 * `initialize` returns a fresh accumulator for each aggregate row; `aggregate`, `undo` and
 * `merge` may update it in place and return it. The runtime keeps no earlier accumulator
 * (HAVING transitions use the row's previous pass/fail state), so in-place updates are safe.
 */
export interface AggregateFunction {
  readonly name: string;
  /**
   * `argTypes` are the types of the column arguments; `literalArgs` the values of trailing
   * literal initialisation arguments (e.g. the K of TOPK(col, K)).
   */
  resolve(argTypes: readonly SqlType[], literalArgs: readonly unknown[]): ResolvedAggregate | { readonly error: string };
}

export interface ResolvedAggregate {
  readonly returnType: SqlType;
  /** Type of the intermediate aggregate (for DESCRIBE / internal topics); informational. */
  readonly aggregateType: SqlType;
  initialize(): unknown;
  /** `args` are the evaluated column arguments of one input row (COUNT(*) gets []). */
  aggregate(args: readonly unknown[], acc: unknown): unknown;
  /** Table aggregations: remove a previously aggregated row. Absent = not supported on tables. */
  readonly undo?: (args: readonly unknown[], acc: unknown) => unknown;
  /** Session windows: merge two accumulators when sessions merge. */
  merge(a: unknown, b: unknown): unknown;
  /** Final value from the accumulator. */
  map(acc: unknown): unknown;
}
