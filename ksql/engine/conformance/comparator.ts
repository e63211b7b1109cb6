import { Decimal } from '../types/decimal.ts';
import { javaBigDecimal } from './big-decimal.ts';
import type { Actual } from './actual-value.ts';
import {
  isIntegralLexeme,
  isJsonObject,
  isLosslessNumber,
  type JsonValue,
  type LosslessNumber,
} from './json.ts';

/**
 * ksqlDB's ExpectedRecordComparator (ksqldb-functional-tests, tools/ExpectedRecordComparator.java;
 * ../shared/reference/ksqldb.md a.5 step 4): the comparison is driven by the expected JSON node.
 */
export function matches(actual: Actual | undefined, expected: JsonValue): boolean {
  const a = actual === undefined ? null : actual;
  if (expected === null) return a === null;
  if (typeof expected === 'boolean') return typeof a === 'boolean' && a === expected;
  if (typeof expected === 'string') return compareText(a, expected);
  if (isLosslessNumber(expected)) return compareNumber(a, expected);
  if (Array.isArray(expected)) return compareArray(a, expected);
  if (isJsonObject(expected)) return compareStruct(a, expected);
  return false;
}

/** Same field count; each expected field found by its exact name, else by its upper-cased name. */
function compareStruct(a: Actual, expected: Readonly<Record<string, JsonValue>>): boolean {
  if (!(a instanceof Map)) return false;
  const entries = Object.entries(expected);
  if (a.size !== entries.length) return false;
  return entries.every(([name, value]) => {
    let field = a.get(name) ?? null;
    if (field === null) field = a.get(name.toUpperCase()) ?? null;
    return matches(field, value);
  });
}

function compareArray(a: Actual, expected: readonly JsonValue[]): boolean {
  if (!Array.isArray(a) || a.length !== expected.length) return false;
  return expected.every((e, i) => matches((a as readonly Actual[])[i], e));
}

/** Integer/Long exact (expected truncated like JsonNode.longValue()), Double within 1e-6, BigDecimal scale-sensitive. */
function compareNumber(a: Actual, expected: LosslessNumber): boolean {
  if (typeof a === 'bigint') return truncate(expected) === a;
  if (typeof a === 'number') return Math.abs(Number(expected.value) - a) <= 1e-6;
  if (a instanceof Decimal) return compareDecimal(a, expected);
  return false;
}

function compareDecimal(a: Decimal, expected: LosslessNumber): boolean {
  if (isIntegralLexeme(expected)) {
    // Only match if actual has no decimal places.
    if (a.scale > 0) return false;
    return BigInt(expected.value) === a.unscaled * 10n ** BigInt(-a.scale);
  }
  return javaBigDecimal(expected.value).equals(a);
}

/** A string expected value matches a string, or a BigDecimal written the same way (`new BigDecimal(text).equals`). */
function compareText(a: Actual, expected: string): boolean {
  if (typeof a === 'string') return a === expected;
  if (a instanceof Decimal) {
    try {
      return javaBigDecimal(expected).equals(a);
    } catch {
      return false;
    }
  }
  return false;
}

function truncate(n: LosslessNumber): bigint {
  if (isIntegralLexeme(n)) return BigInt.asIntN(64, BigInt(n.value));
  const d = Decimal.parse(n.value);
  return BigInt.asIntN(
    64,
    d.scale >= 0 ? d.unscaled / 10n ** BigInt(d.scale) : d.unscaled * 10n ** BigInt(-d.scale),
  );
}
