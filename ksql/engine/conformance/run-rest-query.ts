import type { KsqlEngine, StatementResult } from '../api.ts';
import type { QueryStatement } from '../parser/ast.ts';
import { planTransientQuery, type TransientPlan } from '../transient/plan-transient.ts';
import { runPullQuery, runPushQuery, type TransientRow } from '../transient/run-transient.ts';
import { Decimal } from '../types/decimal.ts';
import { formatSqlType, type SqlType } from '../types/sql-type.ts';
import { Struct } from '../types/struct.ts';
import type { Actual } from './actual-value.ts';
import { formatActual } from './actual-value.ts';
import type { QttRun } from './case-expander.ts';
import { matches } from './comparator.ts';
import type { EngineModules } from './engine-modules.ts';
import { messageOf, unsupportedFeature } from './expected-exception.ts';
import { isJsonObject, type JsonValue } from './json.ts';
import { RecordCodec } from './record-codec.ts';
import { createRestTopics } from './rest-topics.ts';
import { errorOutcome, verifyResponses } from './run-rest-case.ts';
import { BASE_PROPERTIES, prepareTopics, properties, RUN_TIMEOUT_MS, withTimeout } from './run-case.ts';
import { HarnessUnsupported, RunFailure, type RunResult } from './run-result.ts';

/**
 * REST QTT cases with pull or push queries (rest-query-validation-tests/, reference a.8),
 * served by the engine's transient queries exactly as the REST facade serves /query: the admin
 * statements, then the inputs, then each query; its response must have the expected header
 * schema and rows (compared like ExpectedRecordComparator). Push queries read the source from
 * the beginning and end after the records present (QTT's push cases carry LIMITs).
 */
export async function runRestQueryCase(
  run: QttRun,
  mods: EngineModules,
  fileLabel: string,
): Promise<RunResult> {
  const c = run.testCase;
  const first = run.statements.findIndex((s) => /^\s*SELECT\b/i.test(s));
  let engine: KsqlEngine | undefined;
  const outcome = async (): Promise<Pick<RunResult, 'status' | 'reason' | 'detail'>> => {
    const admin = run.statements.slice(0, first);
    const queries = run.statements.slice(first);
    if (queries.some((q) => !/^\s*SELECT\b/i.test(q)))
      throw new HarnessUnsupported('REST statements after a query');
    engine = await mods.createEngine({
      mode: 'test',
      properties: { ...BASE_PROPERTIES, ...properties(run.properties) },
    });
    createRestTopics(engine, run);
    await prepareTopics(engine, c.topics, run.statements);
    let results: StatementResult[];
    try {
      results = admin.length > 0 ? await engine.execute(admin.join('\n')) : [];
    } catch (e) {
      return errorOutcome(e, c.expectedError);
    }
    const codec = new RecordCodec(engine, mods);
    for (const input of c.inputs) {
      if (!engine.topics.describeTopic(input.topic)) engine.topics.createTopic(input.topic, 1);
      await engine.produce(input.topic, await codec.encode(input, true));
    }
    const responses = c.responses ?? [];
    verifyResponses(
      results,
      responses.slice(
        0,
        results.filter(
          (r) => r.kind !== 'RowInserted' && r.kind !== 'PropertySet' && r.kind !== 'VariableSet',
        ).length,
      ),
    );
    const queryResponses = responses.slice(responses.length - queries.length);
    for (let i = 0; i < queries.length; i++) {
      let plan: TransientPlan;
      let rows: TransientRow[];
      try {
        const [stmt] = mods.parseStatements(queries[i]!);
        if (stmt?.kind !== 'QueryStatement') throw new HarnessUnsupported('REST query that is not a SELECT');
        plan = planTransientQuery(engine, stmt as QueryStatement, { properties: properties(run.properties) });
        rows = plan.kind === 'pull' ? await runPullQuery(engine, plan) : await collectPush(engine, plan);
      } catch (e) {
        if (e instanceof HarnessUnsupported) throw e;
        return errorOutcome(e, c.expectedError, '/query');
      }
      verifyQueryResponse(i, plan, rows, queryResponses[i]);
    }
    if (c.expectedError)
      return {
        status: 'failed',
        reason: 'expected error not returned',
        detail: JSON.stringify(c.expectedError),
      };
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

async function collectPush(engine: KsqlEngine, plan: TransientPlan): Promise<TransientRow[]> {
  const rows: TransientRow[] = [];
  const q = runPushQuery(
    engine,
    plan,
    true,
    (r) => rows.push(r),
    () => undefined,
  );
  await q.ready;
  q.stop();
  return rows;
}

function verifyQueryResponse(
  i: number,
  plan: TransientPlan,
  rows: readonly TransientRow[],
  response: unknown,
): void {
  const expected = isJsonObject(response as JsonValue)
    ? ((response as { query?: unknown }).query as JsonValue[] | undefined)
    : undefined;
  if (!Array.isArray(expected)) throw new HarnessUnsupported('REST query response shape');
  const schema = plan.columns
    .map((c) => `\`${c.name}\` ${formatSqlType(c.type)}${c.key ? ' KEY' : ''}`)
    .join(', ');
  const types = plan.columns.map((c) => c.type);
  let row = 0;
  for (const item of expected) {
    if (!isJsonObject(item)) continue;
    const header = item.header as { schema?: string } | undefined;
    if (header?.schema !== undefined && header.schema !== schema) {
      throw new RunFailure(
        'query header mismatch',
        `query ${i}: expected schema ${header.schema}, got ${schema}`,
      );
    }
    const r = item.row as { columns?: JsonValue[]; tombstone?: boolean } | undefined;
    if (!r?.columns) continue;
    const actual = rows[row++];
    const cols = actual?.columns.map((v, k) => toActual(v, types[k]));
    if (
      !actual ||
      cols!.length !== r.columns.length ||
      !r.columns.every((e, k) => matches(cols![k], e)) ||
      Boolean(actual.tombstone) !== Boolean(r.tombstone)
    ) {
      throw new RunFailure(
        'query row mismatch',
        `query ${i} row ${row - 1}: expected ${JSON.stringify(r.columns)}, got ${cols ? `[${cols.map((x) => formatActual(x)).join(',')}]` : 'no row'}`,
      );
    }
  }
  if (row !== rows.length)
    throw new RunFailure('query row mismatch', `query ${i}: expected ${row} rows, got ${rows.length}`);
}

/** A runtime value as the REST response's JSON carries it, in the comparator's terms. */
function toActual(v: unknown, t: SqlType | undefined): Actual {
  if (v === null || v === undefined) return null;
  switch (t?.kind) {
    case 'INT':
    case 'BIGINT':
      return BigInt(v as number | bigint);
    case 'TIMESTAMP':
      return new Date(v as number).toISOString().slice(0, -1);
    case 'DATE':
      return new Date((v as number) * 86_400_000).toISOString().slice(0, 10);
    case 'TIME':
      return new Date(v as number).toISOString().slice(11, 23);
    case 'BYTES':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'ARRAY':
      return (v as unknown[]).map((x) => toActual(x, t.element));
    case 'MAP':
      return new Map([...(v as Map<unknown, unknown>)].map(([k, x]) => [String(k), toActual(x, t.value)]));
    case 'STRUCT': {
      const s = v as Struct;
      return new Map(s.names.map((n, k) => [n, toActual(s.values[k], t.fields[k]?.type)]));
    }
    default:
      if (v instanceof Decimal || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number')
        return v;
      if (typeof v === 'bigint') return v;
      return String(v);
  }
}
