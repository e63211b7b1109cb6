/** One finding of a stack check: where, and what is wrong. */
export interface Problem {
  readonly where: string;
  readonly message: string;
}

export interface CheckResult {
  readonly name: string;
  readonly problems: readonly Problem[];
}
