import type { ScalarFunction } from '../function-types.ts';
import { abs } from './abs.ts';
import { arrayContains, arrayLength, arrayMax, arrayMin } from './array-functions.ts';
import { asValue } from './as-value.ts';
import { coalesce, ifnull } from './coalesce.ts';
import { arrayDistinct, arrayJoin, mapKeys, mapValues } from './collection-functions.ts';
import { concat, concatWs } from './concat.ts';
import { extractJsonField } from './extract-json-field.ts';
import { ceil, floor } from './floor-ceil.ts';
import { greatest, least } from './greatest-least.ts';
import { instr } from './instr.ts';
import { filter, reduce, transform } from './lambda-functions.ts';
import { lcase } from './lcase.ts';
import { len } from './len.ts';
import { log } from './log.ts';
import { mask, maskKeepLeft, maskKeepRight, maskLeft, maskRight } from './mask-functions.ts';
import * as m from './math-functions.ts';
import { nullif } from './nullif.ts';
import { lpad, rpad } from './pad.ts';
import { pi } from './pi.ts';
import { badUdf, whenCondition, whenResult } from './qtt-test-functions.ts';
import { random } from './random.ts';
import { regexpExtract, regexpReplace } from './regexp-functions.ts';
import { replace } from './replace.ts';
import { round } from './round.ts';
import { sign } from './sign.ts';
import { split } from './split.ts';
import { substring } from './substring.ts';
import * as ta from './time-arithmetic-functions.ts';
import * as tf from './timestamp-format-functions.ts';
import { initcap, ltrim, rtrim, trim } from './trim.ts';
import { trunc } from './trunc.ts';
import { ucase } from './ucase.ts';
import * as ut from './unix-time-functions.ts';
import { uuid } from './uuid.ts';

/** Every scalar function (registry.ts indexes them by name). */
export const SCALAR_FUNCTIONS: readonly ScalarFunction[] = [
  // strings
  lcase,
  ucase,
  trim,
  ltrim,
  rtrim,
  initcap,
  len,
  substring,
  concat,
  concatWs,
  replace,
  split,
  instr,
  lpad,
  rpad,
  extractJsonField,
  regexpReplace,
  regexpExtract,
  uuid,
  mask,
  maskLeft,
  maskRight,
  maskKeepLeft,
  maskKeepRight,
  // nulls and identity
  coalesce,
  ifnull,
  nullif,
  asValue,
  greatest,
  least,
  // math
  abs,
  round,
  trunc,
  floor,
  ceil,
  sign,
  log,
  pi,
  random,
  m.exp,
  m.ln,
  m.sqrt,
  m.cbrt,
  m.acos,
  m.asin,
  m.atan,
  m.atan2,
  m.cos,
  m.sin,
  m.tan,
  m.cot,
  m.cosh,
  m.sinh,
  m.tanh,
  m.degrees,
  m.radians,
  m.power,
  // collections and lambdas
  arrayLength,
  arrayMin,
  arrayMax,
  arrayContains,
  arrayJoin,
  arrayDistinct,
  mapKeys,
  mapValues,
  filter,
  transform,
  reduce,
  // time
  ut.fromUnixtime,
  ut.unixTimestamp,
  ut.unixDate,
  ut.fromDays,
  tf.timestampToString,
  tf.stringToTimestamp,
  tf.formatTimestamp,
  tf.parseTimestamp,
  tf.formatDate,
  tf.parseDate,
  tf.formatTime,
  tf.parseTime,
  ta.dateAdd,
  ta.dateSub,
  ta.timeAdd,
  ta.timeSub,
  ta.timestampAdd,
  ta.timestampSub,
  ta.convertTz,
  // test UDFs of ksqlDB's QTT suite
  whenCondition,
  whenResult,
  badUdf,
];
