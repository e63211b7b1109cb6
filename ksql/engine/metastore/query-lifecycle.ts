import { KsqlRuntimeError } from '../errors.ts';

/** A persistent query's lifecycle (CONVENTIONS: explicit transition tables). */
export type QueryState = 'PENDING' | 'RUNNING' | 'TERMINATED' | 'ERROR';

const TRANSITIONS: Readonly<Record<QueryState, readonly QueryState[]>> = {
  PENDING: ['RUNNING', 'TERMINATED', 'ERROR'],
  RUNNING: ['TERMINATED', 'ERROR'],
  ERROR: ['TERMINATED'],
  TERMINATED: [],
};

export function transition(from: QueryState, to: QueryState, queryId: string): QueryState {
  if (!TRANSITIONS[from].includes(to)) {
    throw new KsqlRuntimeError(`Query ${queryId} cannot go from ${from} to ${to}`);
  }
  return to;
}
