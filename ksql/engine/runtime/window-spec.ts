/**
 * A resolved window of a windowed aggregation, all durations in ms, defaults applied
 * (reference e.2): grace defaults to `max(24h - size, 0)` (or `24h - gap`) with EMIT CHANGES and
 * to 0 with EMIT FINAL; retention defaults to `size + grace` (`gap + grace` for sessions).
 */
export type WindowSpec =
  | {
      readonly kind: 'TUMBLING' | 'HOPPING';
      readonly size: number;
      readonly advance: number;
      readonly grace: number;
      readonly retention: number;
    }
  | { readonly kind: 'SESSION'; readonly gap: number; readonly grace: number; readonly retention: number };

export const DAY_MS = 24 * 60 * 60 * 1000;

export function defaultGrace(sizeOrGap: number, emitFinal: boolean): number {
  return emitFinal ? 0 : Math.max(DAY_MS - sizeOrGap, 0);
}
