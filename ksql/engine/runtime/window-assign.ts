/**
 * Time-window assignment (reference e.1, Kafka Streams `TimeWindows.windowsFor`): a record at
 * `t` belongs to every window `[start, start + size)` with `start = k·advance`, `start >= 0`,
 * `start <= t < start + size`, returned in ascending start. Tumbling = hopping with
 * advance = size. Windows with a negative start are never created
 * (hopping-windows.json "out of order - explicit grace period": ts 10009 → only [0,30000)).
 */
export function timeWindowStarts(t: number, size: number, advance: number): number[] {
  let start = Math.floor(Math.max(0, t - size + advance) / advance) * advance;
  const out: number[] = [];
  for (; start <= t; start += advance) out.push(start);
  return out;
}
