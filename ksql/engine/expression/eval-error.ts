/**
 * A runtime failure inside an expression where ksqlDB's generated Java throws: unboxing a NULL
 * operand of arithmetic / NOT / AND / OR (NullPointerException), integer division by zero, a
 * DECIMAL result that does not fit its type. The failure propagates to the top of the expression,
 * which then evaluates to NULL (ksqlDB logs it to the processing log): filter.json "apply filter
 * lambda function to int map" turns the whole FILTER(...) into NULL when `y % 5` meets a NULL y.
 * Scalar function calls catch failures themselves and yield NULL for the call only.
 */
export class EvalError extends Error {}

/** Shared instances: throwing them allocates nothing per row. */
export const NULL_OPERAND = new EvalError('null operand');
export const DIVIDE_BY_ZERO = new EvalError('/ by zero');
export const DECIMAL_OVERFLOW = new EvalError('decimal result does not fit its type');
