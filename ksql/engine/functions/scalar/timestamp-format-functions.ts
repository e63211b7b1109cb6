/**
 * Formatting and parsing of TIMESTAMP / DATE / TIME and epoch-ms BIGINTs with Java patterns
 * (timestamp-to-string.json, stringtimestamp.json, timestampformat.json, null.json parse_date).
 * FORMAT_TIMESTAMP / PARSE_TIMESTAMP default to UTC; the legacy TIMESTAMPTOSTRING /
 * STRINGTOTIMESTAMP use the server's default zone (FunctionContext.defaultTimeZone).
 */
import { BIGINT, DATE, STRING, TIME, TIMESTAMP } from '../../types/sql-type.ts';
import { MS_PER_DAY } from '../../types/time-text.ts';
import type { ScalarFunction } from '../function-types.ts';
import { formatDateTime } from './datetime/format-datetime.ts';
import { parseDateTime } from './datetime/parse-datetime.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';
import { msArg, zoneArg } from './time-args.ts';

type Kind = 'INT' | 'BIGINT' | 'TIMESTAMP' | 'DATE' | 'TIME' | 'STRING';

function formatter(
  name: string,
  inputKinds: Kind[],
  withZone: boolean,
  legacyZone: boolean,
  toMs: (v: unknown) => number,
): ScalarFunction {
  return scalarFunction(name, (t) => {
    const ok =
      (t.length === 2 || (withZone && t.length === 3)) &&
      argIs(t[0], ...inputKinds) &&
      argIs(t[1], 'STRING') &&
      (t.length < 3 || argIs(t[2], 'STRING'));
    if (!ok) return noOverload(name, t);
    return resolved(STRING, (args, ctx) => {
      const [v, fmt] = args;
      if (v === null || fmt === null) return null;
      if (args.length === 3 && args[2] === null) return null;
      const zone = args.length === 3 ? zoneArg(args[2]) : legacyZone ? ctx.defaultTimeZone : 'UTC';
      return formatDateTime(toMs(v), fmt as string, zone);
    });
  });
}

function parser(
  name: string,
  returnType: typeof BIGINT,
  withZone: boolean,
  legacyZone: boolean,
  fromMs: (ms: number) => unknown,
  allowTrailing = false,
): ScalarFunction {
  return scalarFunction(name, (t) => {
    const ok =
      (t.length === 2 || (withZone && t.length === 3)) &&
      argIs(t[0], 'STRING') &&
      argIs(t[1], 'STRING') &&
      (t.length < 3 || argIs(t[2], 'STRING'));
    if (!ok) return noOverload(name, t);
    return resolved(returnType, (args, ctx) => {
      const [s, fmt] = args;
      if (s === null || fmt === null) return null;
      if (args.length === 3 && args[2] === null) return null;
      const zone = args.length === 3 ? zoneArg(args[2]) : legacyZone ? ctx.defaultTimeZone : 'UTC';
      return fromMs(parseDateTime(s as string, fmt as string, zone, allowTrailing));
    });
  });
}

export const timestampToString = formatter('TIMESTAMPTOSTRING', ['INT', 'BIGINT'], true, true, msArg);
export const formatTimestamp = formatter('FORMAT_TIMESTAMP', ['TIMESTAMP'], true, false, msArg);
export const formatDate = formatter('FORMAT_DATE', ['DATE'], false, false, (v) => (v as number) * MS_PER_DAY);
export const formatTime = formatter('FORMAT_TIME', ['TIME'], false, false, (v) => v as number);

export const stringToTimestamp = parser('STRINGTOTIMESTAMP', BIGINT, true, true, (ms) => BigInt(ms));
export const parseTimestamp = parser('PARSE_TIMESTAMP', TIMESTAMP, true, false, (ms) => ms);
export const parseDate = parser('PARSE_DATE', DATE, false, false, (ms) => Math.floor(ms / MS_PER_DAY), true);
export const parseTime = parser(
  'PARSE_TIME',
  TIME,
  false,
  false,
  (ms) => ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY,
);
