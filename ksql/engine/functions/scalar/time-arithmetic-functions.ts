/**
 * DATEADD / DATESUB, TIMEADD / TIMESUB, TIMESTAMPADD / TIMESTAMPSUB (unit, amount, value) and
 * CONVERT_TZ(ts, fromZone, toZone). The unit arrives as its name (IntervalUnit expression).
 */
import { DATE, TIME, TIMESTAMP } from '../../types/sql-type.ts';
import type { SqlType } from '../../types/sql-type.ts';
import { MS_PER_DAY } from '../../types/time-text.ts';
import type { ScalarFunction } from '../function-types.ts';
import { zoneOffsetMs } from './datetime/time-zone.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';
import { msArg, zoneArg } from './time-args.ts';

const UNIT_MS: Readonly<Record<string, number>> = {
  MILLISECONDS: 1,
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: MS_PER_DAY,
};

function unitMs(unit: unknown): number {
  const u = String(unit).toUpperCase();
  const ms = UNIT_MS[u] ?? UNIT_MS[`${u}S`];
  if (ms === undefined) throw new RangeError(`Unsupported time unit ${u}`);
  return ms;
}

function adder(name: string, type: SqlType, sign: 1 | -1): ScalarFunction {
  return scalarFunction(name, (t) =>
    t.length === 3 && argIs(t[0], 'STRING') && argIs(t[1], 'INT', 'BIGINT') && argIs(t[2], type.kind)
      ? resolved(type, ([unit, n, v]) => {
          if (unit === null || n === null || v === null) return null;
          const delta = sign * msArg(n) * unitMs(unit);
          if (type.kind === 'DATE') return (v as number) + Math.trunc(delta / MS_PER_DAY);
          if (type.kind === 'TIME') return ((((v as number) + delta) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
          return (v as number) + delta;
        })
      : noOverload(name, t),
  );
}

export const dateAdd = adder('DATEADD', DATE, 1);
export const dateSub = adder('DATESUB', DATE, -1);
export const timeAdd = adder('TIMEADD', TIME, 1);
export const timeSub = adder('TIMESUB', TIME, -1);
export const timestampAdd = adder('TIMESTAMPADD', TIMESTAMP, 1);
export const timestampSub = adder('TIMESTAMPSUB', TIMESTAMP, -1);

export const convertTz = scalarFunction('CONVERT_TZ', (t) =>
  t.length === 3 && argIs(t[0], 'TIMESTAMP') && argIs(t[1], 'STRING') && argIs(t[2], 'STRING')
    ? resolved(TIMESTAMP, ([ts, from, to]) => {
        if (ts === null || from === null || to === null) return null;
        const ms = ts as number;
        return ms + zoneOffsetMs(zoneArg(to), ms) - zoneOffsetMs(zoneArg(from), ms);
      })
    : noOverload('CONVERT_TZ', t),
);
