/** A short reason for a failed network call: ECONNREFUSED, ENOTFOUND, timeout, ... */
export function networkReason(err: unknown): string {
  let cur: unknown = err;
  for (let depth = 0; cur && depth < 5; depth++) {
    const e = cur as { code?: string; name?: string; message?: string; cause?: unknown; errors?: unknown[] };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timed out';
    if (typeof e.code === 'string') return e.code;
    if (Array.isArray(e.errors) && e.errors.length > 0) cur = e.errors[0];
    else if (e.cause) cur = e.cause;
    else return e.message ?? String(cur);
  }
  return String(err);
}
