import { Decimal } from '../types/decimal.ts';
import { bigDecimalText } from './big-decimal.ts';

/**
 * A record's key or value as the Java driver's deserializers hand it to
 * ExpectedRecordComparator: `bigint` = Integer/Long, `number` = Double, `Decimal` = BigDecimal,
 * `Map` = a Struct or a Map (field/entry names to values), arrays = List.
 */
export type Actual =
  null | boolean | string | bigint | number | Decimal | readonly Actual[] | ReadonlyMap<string, Actual>;

/** Prints an actual value as JSON-like text for failure messages (`12.30`, `1.5E0`-free). */
export function formatActual(a: Actual): string {
  if (a === null) return 'null';
  if (typeof a === 'string') return JSON.stringify(a);
  if (typeof a === 'bigint') return a.toString();
  if (typeof a === 'number') return Number.isInteger(a) ? a.toFixed(1) : String(a);
  if (typeof a === 'boolean') return String(a);
  if (a instanceof Decimal) return bigDecimalText(a);
  if (Array.isArray(a)) return `[${a.map((x: Actual) => formatActual(x)).join(',')}]`;
  const m = a as ReadonlyMap<string, Actual>;
  return `{${[...m.entries()].map(([k, v]) => `${JSON.stringify(k)}:${formatActual(v)}`).join(',')}}`;
}
