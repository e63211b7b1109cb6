import type { ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import type { KsqlEngine } from '../api.ts';
import { KsqlError, KsqlStatementError } from '../errors.ts';
import { parseStatement, splitStatements } from '../parser/index.ts';
import type { QueryStatement } from '../parser/ast.ts';
import { planTransientQuery, type TransientPlan } from '../transient/plan-transient.ts';
import { runPullQuery, runPushQuery, type TransientRow } from '../transient/run-transient.ts';
import { formatSqlType } from '../types/sql-type.ts';
import { toEntity, type CommandRecord } from './entities.ts';
import { rowText } from './json-text.ts';

/**
 * The local engine behind the subset of ksqlDB's REST API that clients use (reference d):
 * GET /info, GET /healthcheck, POST /ksql, GET /status/..., POST /query (old streaming
 * endpoint, JSON array), POST /query-stream (delimited), POST /close-query. Error bodies and
 * codes follow ksqlDB's KsqlErrorMessage (40001 bad statement, 40002 query sent to /ksql, ...).
 */
export interface KsqlServerOptions {
  readonly serviceId?: string;
  readonly version?: string;
}

const KSQL_TYPE = 'application/vnd.ksql.v1+json';

export function createKsqlServer(engine: KsqlEngine, options: KsqlServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: false });
  const serviceId = options.serviceId ?? 'default_';
  const commands = new Map<string, CommandRecord>();
  const pushQueries = new Map<string, () => void>();
  let sequence = 0;
  let transientId = 0;

  app.addContentTypeParser(
    [KSQL_TYPE, 'application/vnd.ksqlapi.delimited.v1'],
    { parseAs: 'string' },
    (_req, body, done) => {
      try {
        done(null, body === '' ? {} : JSON.parse(body as string));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );

  app.get('/', (_req, reply) => reply.redirect('/info', 307));
  app.get('/info', () => ({
    KsqlServerInfo: {
      version: options.version ?? '8.0.0',
      kafkaClusterId: 'local-in-memory',
      ksqlServiceId: serviceId,
      serverStatus: 'RUNNING',
    },
  }));
  app.get('/healthcheck', () => ({
    isHealthy: true,
    details: {
      metastore: { isHealthy: true },
      kafka: { isHealthy: true },
      commandRunner: { isHealthy: true },
    },
    serverState: 'READY',
  }));

  app.get('/status', () => ({
    commandStatuses: Object.fromEntries([...commands].map(([id, c]) => [id, c.status])),
  }));
  app.get('/status/*', (req, reply) => {
    const id = decodeURIComponent((req.params as { '*': string })['*']);
    const c = commands.get(id);
    if (!c)
      return reply
        .code(404)
        .send({ '@type': 'generic_error', error_code: 40400, message: `Command not found: ${id}` });
    return { status: c.status, message: c.message, queryId: c.queryId };
  });

  app.post('/ksql', async (req, reply) => {
    const body = (req.body ?? {}) as {
      ksql?: string;
      streamsProperties?: Record<string, unknown>;
      sessionVariables?: Record<string, string>;
    };
    if (typeof body.ksql !== 'string')
      return reply
        .code(400)
        .send({ '@type': 'generic_error', error_code: 40000, message: 'Invalid request: missing "ksql"' });
    const entities: Record<string, unknown>[] = [];
    for (const source of splitStatements(body.ksql)) {
      try {
        if (/^\s*(SELECT|PRINT)\b/i.test(source.text)) {
          return reply.code(400).send({
            '@type': 'statement_error',
            error_code: 40002,
            message:
              "The following statement types should be issued to the websocket endpoint '/query':\n\t* PRINT\n\t* SELECT",
            statementText: source.text,
            entities,
          });
        }
        const results = await engine.execute(`${source.text};`, {
          variables: body.sessionVariables,
          properties: body.streamsProperties,
        });
        for (const r of results) {
          const entity = toEntity(r, ++sequence, (c) => commands.set(c.id, c));
          if (entity) entities.push(entity);
        }
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return reply.code(400).send({
          '@type': 'statement_error',
          error_code: err instanceof KsqlError ? 40001 : 50000,
          message,
          statementText: source.text,
          entities,
        });
      }
    }
    return reply.type('application/json').send(entities);
  });

  const prepare = (sql: string | undefined, properties?: Record<string, unknown>): TransientPlan => {
    if (typeof sql !== 'string') throw new KsqlStatementError('Invalid request: missing query text');
    const stmt = parseStatement(sql);
    if (stmt.kind !== 'QueryStatement') throw new KsqlStatementError(`Statement is not a query: ${sql}`, sql);
    return planTransientQuery(engine, stmt as QueryStatement, { properties });
  };

  const header = (plan: TransientPlan): string =>
    plan.columns.map((c) => `\`${c.name}\` ${formatSqlType(c.type)}${c.key ? ' KEY' : ''}`).join(', ');

  /** ksqlDB's /query errors: a rejected statement is a statement_error, any other failure a generic_error. */
  const fail = (reply: { code: (n: number) => { send: (b: unknown) => unknown } }, err: unknown) =>
    reply.code(400).send(
      err instanceof KsqlStatementError
        ? {
            '@type': 'statement_error',
            error_code: 40001,
            message: err.message,
            statementText: err.statementText ?? '',
          }
        : {
            '@type': 'generic_error',
            error_code: 40000,
            message: err instanceof Error ? err.message : String(err),
          },
    );

  /** Streams rows to the raw response until LIMIT, the client closing, or close-query. */
  const stream = (
    res: ServerResponse,
    plan: TransientPlan,
    fromBeginning: boolean,
    write: (row: TransientRow) => void,
    end: () => void,
  ): string => {
    const id = `transient_${plan.source.name}_${++transientId}`;
    const q = runPushQuery(engine, plan, fromBeginning, write, () => {
      pushQueries.delete(id);
      end();
    });
    pushQueries.set(id, q.stop);
    res.on('close', q.stop);
    return id;
  };

  app.post('/query', async (req, reply) => {
    const body = (req.body ?? {}) as { ksql?: string; streamsProperties?: Record<string, unknown> };
    let plan: TransientPlan;
    try {
      plan = prepare(body.ksql, body.streamsProperties);
    } catch (err) {
      return fail(reply, err);
    }
    const types = plan.columns.map((c) => c.type);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    const queryId = `transient_${plan.source.name}_${transientId + 1}`;
    res.write(`[{"header":{"queryId":"${queryId}","schema":${JSON.stringify(header(plan))}}},\n`);
    const writeRow = (row: TransientRow) =>
      res.write(
        `{"row":{"columns":${rowText(row.columns, types)}${row.tombstone ? ',"tombstone":true' : ''}}},\n`,
      );
    if (plan.kind === 'pull') {
      transientId++;
      for (const row of await runPullQuery(engine, plan)) writeRow(row);
      res.end(`{"finalMessage":"Query Completed"}]\n`);
      return;
    }
    const earliest =
      String(
        body.streamsProperties?.['ksql.streams.auto.offset.reset'] ??
          body.streamsProperties?.['auto.offset.reset'],
      ) === 'earliest';
    stream(res, plan, earliest, writeRow, () => res.end(`{"finalMessage":"Limit Reached"}]\n`));
  });

  app.post('/query-stream', async (req, reply) => {
    const body = (req.body ?? {}) as { sql?: string; properties?: Record<string, unknown> };
    let plan: TransientPlan;
    try {
      plan = prepare(body.sql, body.properties);
    } catch (err) {
      return fail(reply, err);
    }
    const types = plan.columns.map((c) => c.type);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'application/vnd.ksqlapi.delimited.v1',
      'transfer-encoding': 'chunked',
    });
    const meta = (queryId: string) =>
      `{"queryId":"${queryId}","columnNames":${JSON.stringify(plan.columns.map((c) => c.name))},"columnTypes":${JSON.stringify(plan.columns.map((c) => formatSqlType(c.type)))}}\n`;
    if (plan.kind === 'pull') {
      res.write(meta(`transient_${plan.source.name}_${++transientId}`));
      for (const row of await runPullQuery(engine, plan)) res.write(`${rowText(row.columns, types)}\n`);
      res.end();
      return;
    }
    const earliest =
      String(
        body.properties?.['auto.offset.reset'] ?? body.properties?.['ksql.streams.auto.offset.reset'],
      ) === 'earliest';
    res.write(meta(`transient_${plan.source.name}_${transientId + 1}`));
    stream(
      res,
      plan,
      earliest,
      (row) => {
        if (!row.tombstone) res.write(`${rowText(row.columns, types)}\n`);
      },
      () => res.end(),
    );
  });

  app.post('/close-query', (req, reply) => {
    const id = String(((req.body ?? {}) as { queryId?: string }).queryId ?? '');
    const stop = pushQueries.get(id);
    if (!stop)
      return reply
        .code(400)
        .send({ '@type': 'generic_error', error_code: 40000, message: `No query with id ${id}` });
    stop();
    return reply.code(200).send('');
  });

  return app;
}
