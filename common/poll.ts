/** Polling a condition instead of sleeping a fixed time: readiness checks, process exit. */
export interface PollOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Checked before each probe; a returned reason stops polling at once (e.g. "process exited"). */
  readonly abortIf?: () => string | undefined;
  /** Injected for tests. */
  readonly now?: () => number;
  readonly wait?: (ms: number) => Promise<void>;
}

export class PollTimeout extends Error {
  constructor(
    readonly reason: 'timeout' | 'aborted',
    message: string,
    readonly lastError: unknown,
  ) {
    super(message);
    this.name = 'PollTimeout';
  }
}

/**
 * Calls `probe` until it returns a value other than undefined. A probe that throws counts as
 * "not yet"; its last error is kept for the timeout message.
 */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, options: PollOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const interval = options.intervalMs ?? 250;
  const deadline = now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const abort = options.abortIf?.();
    if (abort !== undefined) throw new PollTimeout('aborted', abort, lastError);
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (now() >= deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new PollTimeout(
        'timeout',
        `not ready after ${Math.round(options.timeoutMs / 1000)} s${detail}`,
        lastError,
      );
    }
    await wait(interval);
  }
}
