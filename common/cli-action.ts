import { PipelineError } from './errors.ts';

/**
 * Wraps a commander action: runs it, and maps thrown errors to one clear line on stderr and
 * an exit code (2 usage, 1 runtime). Stack traces only with --verbose or DEBUG set.
 */
export function cliAction<A extends unknown[]>(
  fn: (...args: A) => Promise<number | void> | number | void,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}

/** Prints an error the way every command does and returns its exit code. */
export function reportError(err: unknown): number {
  const verbose = process.argv.includes('--verbose') || Boolean(process.env.DEBUG);
  if (err instanceof PipelineError) {
    process.stderr.write(`error: ${err.message}\n`);
    if (err.hint) process.stderr.write(`hint: ${err.hint}\n`);
    if (verbose && err.stack) process.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`error: unexpected failure: ${message}\n`);
  if (verbose && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('hint: re-run with --verbose for the stack trace\n');
  return 1;
}
