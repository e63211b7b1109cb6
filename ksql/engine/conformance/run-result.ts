/** The outcome of one run (a QTT case after expansion, or one SQL test). */
export type RunStatus = 'passed' | 'failed' | 'unsupported';

export interface RunResult {
  /** Full test name, as in the baseline. */
  readonly name: string;
  /** File label relative to the QTT root (`tumbling-windows.json`, `sql-tests/test.sql`). */
  readonly file: string;
  readonly status: RunStatus;
  /** Normalised reason for grouping ("output mismatch", "unsupported: PROTOBUF format", ...). */
  readonly reason?: string;
  /** The specific message: expected vs actual, the error text. */
  readonly detail?: string;
}

/** Raised by the harness itself when a run does not do what the case expects. */
export class RunFailure extends Error {
  override name = 'RunFailure';
  constructor(
    /** Normalised reason. */
    readonly reason: string,
    detail: string,
    /** The Java class an equivalent driver failure has (for expectedException matching). */
    readonly javaClass: string = 'java.lang.AssertionError',
  ) {
    super(detail);
  }
}

/** The harness meets a feature it does not support (REST files, PROTOBUF schemas...). */
export class HarnessUnsupported extends Error {
  override name = 'HarnessUnsupported';
  constructor(readonly feature: string) {
    super(`unsupported: ${feature}`);
  }
}
