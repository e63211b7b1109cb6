import { formatSqlType, type SqlType } from '../../types/sql-type.ts';

/** ksqlDB's wording when no UDAF overload accepts the argument types. */
export function noOverload(name: string, argTypes: readonly SqlType[]): { readonly error: string } {
  return {
    error: `Function '${name}' does not accept parameters (${argTypes.map(formatSqlType).join(', ')}).`,
  };
}
