import { KsqlRuntimeError } from '../../errors.ts';

/**
 * ksqlDB's KsqlFunctionException (a KsqlException): raised inside a UDAF at runtime, e.g.
 * SUM of decimals overflowing the column's precision (sum.json "sum decimal with overflow").
 * The runtime wraps it in KsqlStreamsError ("Exception caught in process").
 */
export class KsqlFunctionError extends KsqlRuntimeError {
  override readonly javaClass: string = 'io.confluent.ksql.function.KsqlFunctionException';

  override isInstanceOf(javaClassName: string): boolean {
    return javaClassName === this.javaClass || new KsqlRuntimeError('').isInstanceOf(javaClassName);
  }
}
