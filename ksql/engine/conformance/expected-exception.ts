import { javaHierarchy, KsqlError, KsqlStatementError, KsqlUnsupportedError } from '../errors.ts';
import type { QttExpectedException } from './qtt-model.ts';
import { HarnessUnsupported, RunFailure, type RunResult } from './run-result.ts';

type Outcome = Pick<RunResult, 'status' | 'reason' | 'detail'>;

/**
 * QTT's `expectedException` (KsqlExpectedException, ../shared/reference/ksqldb.md a.2): the
 * thrown error must be an instance of `type` (by the Java hierarchy the engine's errors carry)
 * and contain `message`. SqlTestExecutor uses the same rule for `--@expected.error/message`.
 */
export function judge(error: unknown, expected: QttExpectedException | undefined): Outcome {
  if (error === undefined) {
    if (!expected) return { status: 'passed' };
    return {
      status: 'failed',
      reason: 'expected exception not thrown',
      detail: `expected ${expected.type ?? 'an exception'}${expected.message ? ` with message "${expected.message}"` : ''}, got none`,
    };
  }
  if (expected && matchesExpected(error, expected)) return { status: 'passed' };
  const unsupported = unsupportedFeature(error);
  if (unsupported !== undefined) {
    return { status: 'unsupported', reason: `unsupported: ${unsupported}`, detail: messageOf(error) };
  }
  if (expected) {
    return {
      status: 'failed',
      reason: 'wrong exception',
      detail: `expected ${expected.type ?? 'exception'}${expected.message ? ` containing "${expected.message}"` : ''}, got ${describe(error)}`,
    };
  }
  if (error instanceof RunFailure) return { status: 'failed', reason: error.reason, detail: error.message };
  if (error instanceof KsqlError) {
    return {
      status: 'failed',
      reason: `unexpected ${error.name}: ${normaliseMessage(error.message)}`,
      detail: error.message,
    };
  }
  return { status: 'failed', reason: 'engine crash', detail: describe(error, true) };
}

/**
 * An unsupported error counts as a pass only when the case expected exactly that message
 * (a bare expected type would otherwise be satisfied by any "not implemented" error).
 */
function matchesExpected(error: unknown, expected: QttExpectedException): boolean {
  if (expected.type !== undefined && !isInstanceOf(error, expected.type)) return false;
  if (expected.message !== undefined && !messageOf(error).includes(expected.message)) return false;
  if (unsupportedFeature(error) !== undefined && expected.message === undefined) return false;
  return true;
}

export function isInstanceOf(error: unknown, javaClass: string): boolean {
  if (error instanceof KsqlError) return error.isInstanceOf(javaClass);
  if (error instanceof RunFailure) return javaHierarchy(error.javaClass).includes(javaClass);
  return false;
}

/** The feature named by an unsupported error, also when the engine wrapped it (`cause`) to add the statement. */
export function unsupportedFeature(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof KsqlUnsupportedError) return e.feature;
    if (e instanceof HarnessUnsupported) return e.feature;
  }
  return undefined;
}

/**
 * The message as Java's getMessage() gives it: KsqlStatementException appends
 * `\nStatement: <statement text>` to its message, and QTT's expected messages include it
 * (group-by.json "multiple expressions - KAFKA key format").
 */
export function messageOf(error: unknown): string {
  if (
    error instanceof KsqlStatementError &&
    error.statementText &&
    !error.message.includes('\nStatement: ')
  ) {
    return `${error.message}\nStatement: ${error.statementText}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function describe(error: unknown, withStack = false): string {
  if (!(error instanceof Error)) return String(error);
  const cls = error instanceof KsqlError ? error.javaClass : error.name;
  const top = withStack ? ` @ ${(error.stack ?? '').split('\n').slice(1, 3).join(' ').trim()}` : '';
  return `${cls}: ${messageOf(error)}${top}`;
}

/** A message's first line with names and numbers blanked, so the report can group alike errors. */
export function normaliseMessage(message: string): string {
  const line = (message.split('\n')[0] ?? '').trim();
  const norm = line
    .replace(/(?<![A-Za-z])'[^']*'|`[^`]*`|"[^"]*"/g, '…')
    .replace(/\b\d+\b/g, 'N')
    .replace(/:\s.*$/, ': …');
  return norm.length > 90 ? `${norm.slice(0, 90)}…` : norm;
}
