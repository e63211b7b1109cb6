import type { JsonObject, JsonValue, LosslessNumber } from './json.ts';

/**
 * The QTT JSON test-case model (`TestCaseNode`, `RecordNode`, `TopicNode`, ... in
 * ksqldb-functional-tests; ../shared/reference/ksqldb.md a.1–a.4). Unknown fields are ignored,
 * as Jackson does there.
 */
export interface QttWindow {
  readonly start: number;
  readonly end: number;
  readonly type: 'time' | 'session';
}

export interface QttHeader {
  readonly key: string;
  /** Base64 text, or null. */
  readonly value: string | null;
}

export interface QttRecord {
  readonly topic: string;
  /** Absent key = null key. */
  readonly key: JsonValue;
  readonly value: JsonValue;
  readonly timestamp?: LosslessNumber;
  readonly window?: QttWindow;
  readonly headers?: readonly QttHeader[];
}

export interface QttTopic {
  readonly name: string;
  readonly keyFormat?: string;
  readonly valueFormat?: string;
  readonly keySchema?: JsonValue;
  readonly valueSchema?: JsonValue;
  readonly keySchemaId?: number;
  readonly valueSchemaId?: number;
  /** Schemas the key/value schema imports (TopicNode `keySchemaReferences`, Protobuf `import`). */
  readonly keySchemaReferences?: readonly QttSchemaReference[];
  readonly valueSchemaReferences?: readonly QttSchemaReference[];
  readonly partitions?: number;
  readonly replicas?: number;
}

/** SchemaReferenceNode: registered under the subject `name`, imported by that name. */
export interface QttSchemaReference {
  readonly name: string;
  readonly format?: string;
  readonly schema: JsonValue;
}

export interface QttExpectedException {
  readonly type?: string;
  readonly message?: string;
}

export interface QttCase {
  readonly name: string;
  readonly statements: readonly string[];
  readonly inputs: readonly QttRecord[];
  readonly outputs: readonly QttRecord[];
  readonly topics: readonly QttTopic[];
  readonly properties: JsonObject;
  readonly format: readonly string[];
  readonly config: readonly string[];
  readonly expectedException?: QttExpectedException;
  readonly post?: JsonObject;
  readonly enabled: boolean;
  /** REST files: expected REST responses; their presence marks the case as REST-only. */
  readonly rest: boolean;
  /** REST files: `responses` (one per statement that returns an entity or rows). */
  readonly responses?: readonly JsonValue[];
  /** REST files: `expectedError` {type, message, status}. */
  readonly expectedError?: { readonly type?: string; readonly message?: string; readonly status?: number };
}

export interface QttFile {
  /** Path as given to the loader. */
  readonly path: string;
  /** File name without extension, the prefix of every test name. */
  readonly stem: string;
  readonly cases: readonly QttCase[];
}
