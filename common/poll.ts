/**
 * Polls `probe` until it returns a value other than undefined, or the deadline passes.
 * Used wherever we wait for a condition (a service ready, a command done): never a fixed sleep.
 */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined>,
  options: {
    timeoutMs: number;
    intervalMs?: number;
    now?: () => number;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<T | undefined> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + options.timeoutMs;
  let interval = options.intervalMs ?? 100;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (now() >= deadline) return undefined;
    await sleep(Math.min(interval, Math.max(0, deadline - now())));
    interval = Math.min(interval * 2, 2_000);
  }
}
