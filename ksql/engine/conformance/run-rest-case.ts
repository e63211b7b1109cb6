import type { KsqlEngine, StatementResult } from '../api.ts';
import { KsqlError, KsqlStatementError } from '../errors.ts';
import type { QttRun } from './case-expander.ts';
import type { EngineModules } from './engine-modules.ts';
import { messageOf, unsupportedFeature } from './expected-exception.ts';
import { isJsonObject } from './json.ts';
import { RecordCodec } from './record-codec.ts';
import { createRestTopics } from './rest-topics.ts';
import {
  BASE_PROPERTIES,
  prepareTopics,
  properties,
  RUN_TIMEOUT_MS,
  verifyOutputs,
  withTimeout,
} from './run-case.ts';
import { HarnessUnsupported, RunFailure, type RunResult } from './run-result.ts';

/**
 * REST QTT cases whose statements are all admin statements (no `SELECT`), run as
 * RestTestExecutor does without the HTTP layer (../shared/reference/ksqldb.md a.8): the
 * statements as one `/ksql` request, inputs, outputs (at least the expected records), the
 * `admin` responses' `@type`, and `expectedError` {type, message, status}. Cases with queries
 * stay unsupported until the REST facade can serve them.
 */
export function isAdminOnly(run: QttRun): boolean {
  return !run.statements.some((s) => s.startsWith('SELECT '));
}

export async function runRestCase(run: QttRun, mods: EngineModules, fileLabel: string): Promise<RunResult> {
  const c = run.testCase;
  let engine: KsqlEngine | undefined;
  const outcome = async (): Promise<Pick<RunResult, 'status' | 'reason' | 'detail'>> => {
    engine = await mods.createEngine({
      mode: 'test',
      properties: { ...BASE_PROPERTIES, ...properties(run.properties) },
    });
    createRestTopics(engine, run);
    await prepareTopics(engine, c.topics, run.statements);
    let results: StatementResult[];
    try {
      results = await engine.execute(run.statements.join('\n'));
    } catch (e) {
      return errorOutcome(e, c.expectedError);
    }
    if (c.expectedError) {
      return {
        status: 'failed',
        reason: 'expected error not returned',
        detail: `expected ${JSON.stringify(c.expectedError)}`,
      };
    }
    const codec = new RecordCodec(engine, mods);
    for (const input of c.inputs) {
      if (!engine.topics.describeTopic(input.topic)) engine.topics.createTopic(input.topic, 1);
      await engine.produce(input.topic, await codec.encode(input, true));
    }
    verifyOutputs(engine, codec, c.outputs, c.inputs.length === 0, true);
    verifyResponses(results, c.responses ?? []);
    return { status: 'passed' };
  };
  let result: Pick<RunResult, 'status' | 'reason' | 'detail'>;
  try {
    result = await withTimeout(outcome(), RUN_TIMEOUT_MS);
  } catch (e) {
    const feature = unsupportedFeature(e);
    result =
      feature !== undefined
        ? { status: 'unsupported', reason: `unsupported: ${feature}`, detail: messageOf(e) }
        : e instanceof RunFailure
          ? { status: 'failed', reason: e.reason, detail: e.message }
          : { status: 'failed', reason: 'engine crash', detail: messageOf(e) };
  } finally {
    await (engine as KsqlEngine | undefined)?.close().catch(() => undefined);
  }
  return { name: run.name, file: fileLabel, ...result };
}

/** RestTestExecutor.handleErrorResponse: the REST error entity type, message substring and HTTP status. */
export function errorOutcome(
  e: unknown,
  expected: { type?: string; message?: string; status?: number } | undefined,
  endpoint: '/ksql' | '/query' = '/ksql',
): Pick<RunResult, 'status' | 'reason' | 'detail'> {
  const feature = unsupportedFeature(e);
  const message = messageOf(e);
  // The /ksql endpoint answers 400 with a KsqlStatementErrorMessage for any statement it rejects
  // (parse errors included: Errors.badStatement); /query does so for a KsqlStatementException
  // and answers a plain KsqlErrorMessage for other KsqlExceptions (Errors.badRequest, e.g.
  // push-queries.json "NULL Arithmetic Behavior"); anything else is a server error.
  const statementError = endpoint === '/ksql' ? e instanceof KsqlError : e instanceof KsqlStatementError;
  const type = statementError
    ? 'io.confluent.ksql.rest.entity.KsqlStatementErrorMessage'
    : 'io.confluent.ksql.rest.entity.KsqlErrorMessage';
  const status = e instanceof KsqlError ? 400 : 500;
  if (expected) {
    const ok =
      (expected.type === undefined || expected.type === type) &&
      (expected.message === undefined || message.includes(expected.message)) &&
      (expected.status === undefined || expected.status === status);
    if (ok && !(feature !== undefined && expected.message === undefined)) return { status: 'passed' };
  }
  if (feature !== undefined)
    return { status: 'unsupported', reason: `unsupported: ${feature}`, detail: message };
  if (!expected)
    return {
      status: 'failed',
      reason: `unexpected ${e instanceof Error ? e.name : 'error'}`,
      detail: message,
    };
  return {
    status: 'failed',
    reason: 'wrong exception',
    detail: `expected ${JSON.stringify(expected)}, got ${status} ${type}: ${message}`,
  };
}

/** `admin` responses: the entities of the statements that return one, compared on the fields given (`@type`). */
export function verifyResponses(results: readonly StatementResult[], responses: readonly unknown[]): void {
  const entities = results.map(entityType).filter((t): t is string => t !== undefined);
  responses.forEach((r, i) => {
    if (!isJsonObject(r as never) || !isJsonObject((r as { admin?: never }).admin)) {
      throw new HarnessUnsupported('REST query responses');
    }
    const admin = (r as { admin: Record<string, unknown> }).admin;
    if (Object.keys(admin).some((k) => k !== '@type'))
      throw new HarnessUnsupported('REST response fields other than @type');
    if (admin['@type'] !== entities[i]) {
      throw new RunFailure(
        'response mismatch',
        `response ${i}: expected @type ${String(admin['@type'])}, got ${entities[i] ?? 'none'}`,
      );
    }
  });
}

/** The `/ksql` entity a statement returns (ksqlDB: CommandStatusEntity for DDL/queries; nothing for INSERT VALUES). */
function entityType(r: StatementResult): string | undefined {
  switch (r.kind) {
    case 'SourceCreated':
    case 'SourceDropped':
    case 'QueryStarted':
    case 'QueryTerminated':
      return 'currentStatus';
    case 'RowInserted':
    case 'VariableSet':
      return undefined;
    case 'PropertySet':
      return undefined;
    case 'Listing':
    case 'Description':
      return r.kind.toLowerCase();
  }
}
