import { resolveZoneId } from './datetime/time-zone.ts';

/** A zone argument as ksqlDB's ZoneId.of accepts it; unknown zones are an evaluation error. */
export function zoneArg(text: unknown): string {
  const z = resolveZoneId(text as string);
  if (!z) throw new RangeError(`Unknown time-zone ID: ${String(text)}`);
  return z;
}

/** Epoch ms from an INT or BIGINT argument. */
export function msArg(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : (v as number);
}
