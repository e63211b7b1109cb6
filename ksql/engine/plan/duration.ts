import type { Duration, TimeUnit } from '../parser/ast.ts';
import { assertNever } from '../../../common/assert-never.ts';
import { KsqlParseError } from '../errors.ts';

export function durationMs(d: Duration): number {
  return d.value * unitMs(d.unit);
}

export function unitMs(unit: TimeUnit): number {
  switch (unit) {
    case 'MILLISECONDS':
      return 1;
    case 'SECONDS':
      return 1000;
    case 'MINUTES':
      return 60_000;
    case 'HOURS':
      return 3_600_000;
    case 'DAYS':
      return 86_400_000;
    default:
      return assertNever(unit, 'time unit');
  }
}

const UNITS: Readonly<Record<string, TimeUnit>> = {
  MILLISECOND: 'MILLISECONDS',
  MILLISECONDS: 'MILLISECONDS',
  SECOND: 'SECONDS',
  SECONDS: 'SECONDS',
  MINUTE: 'MINUTES',
  MINUTES: 'MINUTES',
  HOUR: 'HOURS',
  HOURS: 'HOURS',
  DAY: 'DAYS',
  DAYS: 'DAYS',
};

/** `'30 SECONDS'` of WINDOW_SIZE (hopping-windows.json "import table with invalid window size"). */
export function parseDurationText(text: string, property: string): number {
  const m = /^\s*(\d+)\s+(\S+)\s*$/.exec(text);
  const prefix = `Configuration ${property} is invalid: Invalid duration: '${text}'.`;
  if (!m || m[1] === undefined || m[2] === undefined)
    throw new KsqlParseError(`${prefix} Not a valid duration.`, 0, 0);
  const unit = UNITS[m[2].toUpperCase()];
  if (!unit) throw new KsqlParseError(`${prefix} Unknown time unit: '${m[2].toUpperCase()}'`, 0, 0);
  return Number(m[1]) * unitMs(unit);
}
