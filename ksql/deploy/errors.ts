import { PipelineError } from '../../common/errors.ts';

/**
 * A deployment failure with the file, statement and the server's own message.
 * `retriable` is true for transport failures and 5xx answers, false for rejected SQL.
 */
export class DeployError extends PipelineError {
  readonly exitCode = 1 as const;
  constructor(
    message: string,
    readonly details: {
      readonly file?: string;
      readonly line?: number;
      readonly statement?: string;
      readonly serverCode?: number;
      readonly retriable: boolean;
    },
    options?: { hint?: string; cause?: unknown },
  ) {
    super(message, options);
  }
}
