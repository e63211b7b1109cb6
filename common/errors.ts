/**
 * Error classes shared by every stage. The CLI maps them to exit codes and prints one line
 * (message + hint); library code throws them and never calls process.exit.
 */
export abstract class PipelineError extends Error {
  /** Process exit code the CLI uses for this error: 2 = usage, 1 = runtime failure. */
  abstract readonly exitCode: 1 | 2;
  /** What the user can do about it, printed after the message. */
  readonly hint: string | undefined;

  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options?.hint;
  }
}

/** A flag, argument or environment variable has an invalid value. */
export class UsageError extends PipelineError {
  readonly exitCode = 2 as const;
}

/** A configuration key (file, flag or environment) is missing or invalid. */
export class ConfigError extends PipelineError {
  readonly exitCode = 2 as const;
  constructor(
    readonly key: string,
    message: string,
    options?: { hint?: string; cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An external service (Kafka, registry, Postgres, ksqlDB, Connect) could not be reached. */
export class ServiceUnavailableError extends PipelineError {
  readonly exitCode = 1 as const;
  constructor(
    readonly service: string,
    readonly address: string,
    message: string,
    options?: { hint?: string; cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A runtime failure with a known cause that is not a usage error. */
export class RuntimeFailure extends PipelineError {
  readonly exitCode = 1 as const;
}

/** A feature that exists in the real system but not (yet) here. Fails loudly, by name. */
export class NotImplementedError extends PipelineError {
  readonly exitCode = 1 as const;
  constructor(readonly feature: string) {
    super(`${feature} is not implemented in this repository yet`, {
      hint: 'see README.md, section "Limitations"',
    });
  }
}
