/**
 * Epoch conversions (unix-timestamp.json, the pipeline's FROM_UNIXTIME(WINDOWSTART)):
 * FROM_UNIXTIME(ms) → TIMESTAMP, UNIX_TIMESTAMP([ts]) → BIGINT ms, UNIX_DATE([date]) → INT days,
 * FROM_DAYS(days) → DATE. Without arguments they read FunctionContext.now().
 */
import { BIGINT, DATE, INT, TIMESTAMP } from '../../types/sql-type.ts';
import { MS_PER_DAY } from '../../types/time-text.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';
import { msArg } from './time-args.ts';

export const fromUnixtime = scalarFunction('FROM_UNIXTIME', (t) =>
  t.length === 1 && argIs(t[0], 'BIGINT', 'INT')
    ? resolved(TIMESTAMP, ([v]) => (v === null ? null : msArg(v)))
    : noOverload('FROM_UNIXTIME', t),
);

export const unixTimestamp = scalarFunction('UNIX_TIMESTAMP', (t) => {
  if (t.length === 0) return resolved(BIGINT, (_a, ctx) => BigInt(Math.floor(ctx.now())));
  if (t.length === 1 && argIs(t[0], 'TIMESTAMP')) {
    return resolved(BIGINT, ([v]) => (v === null ? null : BigInt(v as number)));
  }
  return noOverload('UNIX_TIMESTAMP', t);
});

export const unixDate = scalarFunction('UNIX_DATE', (t) => {
  if (t.length === 0) return resolved(INT, (_a, ctx) => Math.floor(ctx.now() / MS_PER_DAY));
  if (t.length === 1 && argIs(t[0], 'DATE')) return resolved(INT, ([v]) => v);
  return noOverload('UNIX_DATE', t);
});

export const fromDays = scalarFunction('FROM_DAYS', (t) =>
  t.length === 1 && argIs(t[0], 'INT', 'BIGINT')
    ? resolved(DATE, ([v]) => (v === null ? null : msArg(v)))
    : noOverload('FROM_DAYS', t),
);
