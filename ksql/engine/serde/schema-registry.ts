/**
 * The engine's view of a Confluent-compatible schema registry. An in-memory implementation
 * (serde/in-memory-registry.ts) serves tests, conformance (QTT's mock Schema Registry) and
 * `npm start`; an HTTP implementation over @confluentinc/schemaregistry serves real
 * registries. Lookups are async; serdes resolve what they need when they are created and
 * cache it, so the per-record hot path is synchronous.
 */
export interface RegisteredSchema {
  readonly schemaType: 'AVRO' | 'JSON' | 'PROTOBUF';
  /** Schema text (JSON for Avro, proto text for Protobuf). */
  readonly schema: string;
  /** Schemas this one imports (Protobuf `import "name"`), by subject and version. */
  readonly references?: readonly SchemaReference[];
}

/** Confluent's schema reference: the import name and the registered schema it stands for. */
export interface SchemaReference {
  readonly name: string;
  readonly subject: string;
  readonly version: number;
}

export interface SchemaRegistryClient {
  /** Registers (or finds) the schema under the subject; returns its id. */
  register(subject: string, schema: RegisteredSchema): Promise<number>;
  /** Latest version under the subject, or undefined if the subject does not exist. */
  getLatest(subject: string): Promise<{ readonly id: number; readonly schema: RegisteredSchema } | undefined>;
  getById(id: number): Promise<RegisteredSchema | undefined>;
  /** Synchronous lookup of an id already fetched or registered through this client. */
  getCachedById(id: number): RegisteredSchema | undefined;
  listSubjects(): Promise<readonly string[]>;
  /**
   * Optional: loads every version of the subject into the id cache, so records written with
   * older schema versions can be read synchronously. Serdes call it when they are created.
   */
  prefetchSubject?(subject: string): Promise<void>;
  /** Optional: one version of a subject (schema references name subject and version). */
  getVersion?(
    subject: string,
    version: number,
  ): Promise<{ readonly id: number; readonly schema: RegisteredSchema } | undefined>;
}
