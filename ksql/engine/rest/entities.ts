import type { StatementResult } from '../api.ts';

/**
 * ksqlDB REST entities for executed statements (reference d.2, KsqlEntity subclasses):
 * `currentStatus` for commands, `streams`/`tables`/`queries`/... for listings,
 * `sourceDescription` for DESCRIBE. SET/UNSET/DEFINE/UNDEFINE and INSERT VALUES produce none.
 */
export interface CommandRecord {
  readonly id: string;
  readonly status: 'SUCCESS';
  readonly message: string;
  readonly queryId: string | null;
}

export function toEntity(
  result: StatementResult,
  sequence: number,
  record: (c: CommandRecord) => void,
): Record<string, unknown> | undefined {
  const base = { statementText: result.statement, warnings: [] as { message: string }[] };
  const command = (type: string, entity: string, action: string, message: string, queryId: string | null) => {
    const id = `${type}/\`${entity}\`/${action}`;
    record({ id, status: 'SUCCESS', message, queryId });
    return {
      '@type': 'currentStatus',
      ...base,
      commandId: id,
      commandStatus: { status: 'SUCCESS', message, queryId },
      commandSequenceNumber: sequence,
    };
  };
  switch (result.kind) {
    case 'SourceCreated': {
      const type = result.source.type === 'STREAM' ? 'stream' : 'table';
      const message = result.queryId
        ? `Created query with ID ${result.queryId}`
        : `${result.source.type === 'STREAM' ? 'Stream' : 'Table'} created`;
      return command(type, result.source.name, 'create', message, result.queryId ?? null);
    }
    case 'SourceDropped':
      return command(
        'stream',
        result.name,
        'drop',
        `Source ${result.name} (topic: ${result.topic}) was dropped.`,
        null,
      );
    case 'QueryStarted':
      return command(
        'stream',
        result.queryId,
        'create',
        `Created query with ID ${result.queryId}`,
        result.queryId,
      );
    case 'QueryTerminated':
      return command('terminate', result.queryIds.join(','), 'execute', 'Query terminated.', null);
    case 'RowInserted':
    case 'PropertySet':
    case 'VariableSet':
      return undefined;
    case 'Listing': {
      const types: Record<string, string> = {
        STREAMS: 'streams',
        TABLES: 'tables',
        QUERIES: 'queries',
        TOPICS: 'kafka_topics',
        PROPERTIES: 'properties',
        VARIABLES: 'variables',
        FUNCTIONS: 'function_names',
      };
      return {
        '@type': types[result.what] ?? result.what.toLowerCase(),
        ...base,
        ...(result.entity as object),
      };
    }
    case 'Description':
      return { '@type': 'sourceDescription', ...base, sourceDescription: result.entity };
  }
}
