import type { ClientConfig } from '@confluentinc/schemaregistry';
import { SchemaRegistryClient as ConfluentClient } from '@confluentinc/schemaregistry/dist/schemaregistry-client.js';
import type { RegisteredSchema, SchemaReference, SchemaRegistryClient } from './schema-registry.ts';

/** Confluent's "subject not found" / "version not found" error codes. */
const NOT_FOUND_CODES = new Set([40401, 40402, 40403]);

/**
 * The engine's registry interface over `@confluentinc/schemaregistry` for real
 * Confluent-compatible registries (Confluent Schema Registry, Apicurio's ccompat API).
 * Every schema fetched or registered through this client is also kept in a local id cache so
 * serdes can resolve writer schemas synchronously (`getCachedById`).
 */
export class HttpSchemaRegistry implements SchemaRegistryClient {
  private readonly client: ConfluentClient;
  private readonly cache = new Map<number, RegisteredSchema>();

  constructor(config: ClientConfig | { readonly url: string }) {
    const full: ClientConfig =
      'url' in config
        ? { baseURLs: [config.url], cacheLatestTtlSecs: 1, createAxiosDefaults: { timeout: 15_000 } }
        : config;
    this.client = new ConfluentClient(full);
  }

  async register(subject: string, schema: RegisteredSchema): Promise<number> {
    const id = await this.client.register(
      subject,
      {
        schema: schema.schema,
        schemaType: schema.schemaType,
        ...(schema.references ? { references: schema.references.map((r) => ({ ...r })) } : {}),
      },
      false,
    );
    this.cache.set(id, schema);
    return id;
  }

  async getLatest(
    subject: string,
  ): Promise<{ readonly id: number; readonly schema: RegisteredSchema } | undefined> {
    return this.versionOf(() => this.client.getLatestSchemaMetadata(subject));
  }

  async getById(id: number): Promise<RegisteredSchema | undefined> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    try {
      const info = await this.client.getBySubjectAndId('', id);
      const schema = toRegistered(info);
      this.cache.set(id, schema);
      return schema;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async prefetchSubject(subject: string): Promise<void> {
    let versions: number[];
    try {
      versions = await this.client.getAllVersions(subject);
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    for (const version of versions) {
      const meta = await this.client.getSchemaMetadata(subject, version);
      if (meta.id !== undefined) this.cache.set(meta.id, toRegistered(meta));
    }
  }

  async getVersion(
    subject: string,
    version: number,
  ): Promise<{ readonly id: number; readonly schema: RegisteredSchema } | undefined> {
    return this.versionOf(() => this.client.getSchemaMetadata(subject, version));
  }

  /** A subject version's id and schema (cached by id), or undefined when the registry has none. */
  private async versionOf(
    fetch: () => ReturnType<ConfluentClient['getSchemaMetadata']>,
  ): Promise<{ readonly id: number; readonly schema: RegisteredSchema } | undefined> {
    try {
      const meta = await fetch();
      if (meta.id === undefined) return undefined;
      const schema = toRegistered(meta);
      this.cache.set(meta.id, schema);
      return { id: meta.id, schema };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  getCachedById(id: number): RegisteredSchema | undefined {
    return this.cache.get(id);
  }

  async listSubjects(): Promise<readonly string[]> {
    return this.client.getAllSubjects();
  }
}

function toRegistered(info: {
  readonly schema: string;
  readonly schemaType?: string | undefined;
  readonly references?: readonly SchemaReference[] | undefined;
}): RegisteredSchema {
  const type = info.schemaType === 'JSON' || info.schemaType === 'PROTOBUF' ? info.schemaType : 'AVRO';
  const references = info.references?.map((r) => ({ name: r.name, subject: r.subject, version: r.version }));
  return { schemaType: type, schema: info.schema, ...(references?.length ? { references } : {}) };
}

function isNotFound(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { status, errorCode } = e as { status?: number; errorCode?: number };
  return status === 404 || (errorCode !== undefined && NOT_FOUND_CODES.has(errorCode));
}
