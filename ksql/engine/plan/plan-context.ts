import type { SourceInfo } from '../api.ts';
import type { CompiledExpression, Scope } from '../expression/scope.ts';
import type { FunctionContext } from '../functions/function-types.ts';
import type { CreateAsSelect, Expression, InsertInto } from '../parser/ast.ts';
import type { WithProperties } from './with-properties.ts';

/** What planning a query needs from the engine. */
export interface PlanContext {
  readonly getSource: (name: string) => SourceInfo | undefined;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly functionContext: FunctionContext;
  readonly statementText: string;
  /** The C*AS / INSERT INTO being planned (for ksqlDB's `Statement:` suffix on some errors). */
  readonly statement?: CreateAsSelect | InsertInto;
  readonly queryId: string;
  readonly compile: (e: Expression, scope: Scope, clause: string) => CompiledExpression;
  /** Partition count of an existing topic. */
  readonly topicPartitions: (topic: string) => number | undefined;
  /**
   * A transient push query's aggregation (`SELECT … GROUP BY … EMIT CHANGES`): its output is the
   * SELECT list alone, so grouping expressions need not be projected and the projection may hold
   * no value column.
   */
  readonly transient?: boolean;
}

/** The sink a query writes: a new source (C*AS) or an existing one (INSERT INTO). */
export type SinkRequest =
  | {
      readonly kind: 'create';
      readonly name: string;
      readonly type: 'STREAM' | 'TABLE';
      readonly with: WithProperties;
    }
  | { readonly kind: 'existing'; readonly target: SourceInfo };
