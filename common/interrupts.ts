/**
 * Ctrl-C handling for long-running commands: the first SIGINT/SIGTERM asks for a graceful stop
 * (drain, summary, exit 0); a second one aborts with 130. A terminal delivers Ctrl-C to the
 * whole process group, and wrappers (npm, tsx) may relay it as well, so copies of one keypress
 * arriving within `dedupeMs` count once.
 */
export function onInterrupt(
  stop: (signal: NodeJS.Signals) => void,
  options: { dedupeMs?: number; now?: () => number } = {},
): () => void {
  const now = options.now ?? Date.now;
  const dedupe = options.dedupeMs ?? 1000;
  let first: number | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    if (first === undefined) {
      first = now();
      stop(signal);
      return;
    }
    if (now() - first < dedupe) return;
    process.exit(130);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
