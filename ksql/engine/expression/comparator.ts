import type { ComparisonOperator } from '../parser/ast.ts';
import { isNumeric } from '../types/base-type-name.ts';
import { compareBytes } from '../types/compare-values.ts';
import { compareNumeric, looseEquals } from '../types/loose-equals.ts';
import type { SqlType } from '../types/sql-type.ts';
import { MS_PER_DAY, parseDateIso, parseTimeIso, parseTimestampIso } from '../types/time-text.ts';

/** ksqlDB's ComparisonExpression.Type names, used in "Cannot compare ... with LESS_THAN." */
export const COMPARISON_NAMES: Readonly<Record<ComparisonOperator, string>> = {
  '=': 'EQUAL',
  '<>': 'NOT_EQUAL',
  '<': 'LESS_THAN',
  '<=': 'LESS_THAN_OR_EQUAL',
  '>': 'GREATER_THAN',
  '>=': 'GREATER_THAN_OR_EQUAL',
  'IS DISTINCT FROM': 'IS_DISTINCT_FROM',
  'IS NOT DISTINCT FROM': 'IS_NOT_DISTINCT_FROM',
};

export function isEqualityOperator(op: ComparisonOperator): boolean {
  return op === '=' || op === '<>' || op === 'IS DISTINCT FROM' || op === 'IS NOT DISTINCT FROM';
}

/** ksqlDB ComparisonUtil.isValidComparison. */
export function isValidComparison(left: SqlType, op: ComparisonOperator, right: SqlType): boolean {
  if (isNumeric(left)) return isNumeric(right);
  switch (left.kind) {
    case 'STRING':
      return (
        right.kind === 'STRING' ||
        right.kind === 'TIMESTAMP' ||
        right.kind === 'DATE' ||
        right.kind === 'TIME'
      );
    case 'BOOLEAN':
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      return right.kind === left.kind && isEqualityOperator(op);
    case 'TIME':
      return right.kind === 'TIME' || right.kind === 'STRING';
    case 'DATE':
    case 'TIMESTAMP':
      return right.kind === 'DATE' || right.kind === 'TIMESTAMP' || right.kind === 'STRING';
    case 'BYTES':
      return right.kind === 'BYTES';
    default:
      return false;
  }
}

/**
 * Compares two non-null values of (valid-comparison) types: negative, zero, positive, or NaN
 * when unordered (NaN doubles, an unparseable string against a TIMESTAMP). Collections and
 * booleans only support equality: 0 when equal, 1 otherwise.
 */
export type Comparator = (a: unknown, b: unknown) => number;

export function buildComparator(lt: SqlType, rt: SqlType): Comparator {
  if (isNumeric(lt) && isNumeric(rt)) {
    const plain = (k: SqlType) => k.kind === 'INT' || k.kind === 'DOUBLE';
    if (plain(lt) && plain(rt)) return numberCompare as Comparator;
    if (lt.kind === 'BIGINT' && rt.kind === 'BIGINT') return bigCompare as Comparator;
    return (a, b) => compareNumeric(lt, a, rt, b);
  }
  if (lt.kind === 'STRING' && rt.kind === 'STRING') return stringCompare as Comparator;
  if (isTemporal(lt) || isTemporal(rt)) {
    const target = isTemporal(lt) ? lt : rt;
    const la = temporalNormalizer(lt, target);
    const ra = temporalNormalizer(rt, target);
    return (a, b) => numberCompare(la(a), ra(b));
  }
  if (lt.kind === 'BYTES') return (a, b) => compareBytes(a as Uint8Array, b as Uint8Array);
  if (lt.kind === 'BOOLEAN') return (a, b) => (a === b ? 0 : 1);
  return (a, b) => (looseEquals(lt, a, rt, b) ? 0 : 1);
}

function isTemporal(t: SqlType): boolean {
  return t.kind === 'TIMESTAMP' || t.kind === 'DATE' || t.kind === 'TIME';
}

/** Maps a value to comparable ms: DATE and TIMESTAMP as epoch ms, TIME as ms of day, strings parsed. */
function temporalNormalizer(t: SqlType, target: SqlType): (v: unknown) => number {
  switch (t.kind) {
    case 'DATE':
      return (v) => (v as number) * MS_PER_DAY;
    case 'STRING':
      if (target.kind === 'TIME') return (v) => parseTimeIso(v as string) ?? NaN;
      if (target.kind === 'DATE') {
        return (v) => {
          const d = parseDateIso(v as string);
          return d === null ? (parseTimestampIso(v as string) ?? NaN) : d * MS_PER_DAY;
        };
      }
      return (v) => parseTimestampIso(v as string) ?? NaN;
    default:
      return (v) => v as number;
  }
}

function numberCompare(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
}

function bigCompare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stringCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Turns a comparator result into the operator's boolean (NaN is false for every operator). */
export function testComparison(op: ComparisonOperator): (c: number) => boolean {
  switch (op) {
    case '=':
    case 'IS NOT DISTINCT FROM':
      return (c) => c === 0;
    case '<>':
    case 'IS DISTINCT FROM':
      return (c) => c < 0 || c > 0;
    case '<':
      return (c) => c < 0;
    case '<=':
      return (c) => c <= 0;
    case '>':
      return (c) => c > 0;
    case '>=':
      return (c) => c >= 0;
  }
}
