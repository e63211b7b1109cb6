import type { RegisteredSchema, SchemaRegistryClient } from './schema-registry.ts';

/**
 * An in-memory schema registry like QTT's mock registry: ids are assigned sequentially from 1
 * across all subjects; registering a schema identical to one already under the subject returns
 * its id; the same schema text under another subject reuses the global id (as Confluent does).
 */
export class InMemorySchemaRegistry implements SchemaRegistryClient {
  private readonly byId = new Map<number, RegisteredSchema>();
  private readonly subjects = new Map<string, { id: number; schema: RegisteredSchema }[]>();
  private nextId = 1;

  async register(subject: string, schema: RegisteredSchema): Promise<number> {
    return this.registerSync(subject, schema);
  }

  /** Synchronous registration, for harnesses that set up topics before statements run. */
  registerSync(subject: string, schema: RegisteredSchema, id?: number): number {
    const versions = this.subjects.get(subject) ?? [];
    const canonical = canonicalText(schema.schema);
    const same = versions.find(
      (v) => v.schema.schemaType === schema.schemaType && canonicalText(v.schema.schema) === canonical,
    );
    if (same && id === undefined) return same.id;
    let assigned = id;
    if (assigned === undefined) {
      for (const [existingId, s] of this.byId) {
        if (s.schemaType === schema.schemaType && canonicalText(s.schema) === canonical)
          assigned = existingId;
      }
    }
    if (assigned === undefined) assigned = this.nextId++;
    else if (assigned >= this.nextId) this.nextId = assigned + 1;
    this.byId.set(assigned, schema);
    versions.push({ id: assigned, schema });
    this.subjects.set(subject, versions);
    return assigned;
  }

  async getLatest(
    subject: string,
  ): Promise<{ readonly id: number; readonly schema: RegisteredSchema } | undefined> {
    return this.getLatestSync(subject);
  }

  getLatestSync(subject: string): { readonly id: number; readonly schema: RegisteredSchema } | undefined {
    const versions = this.subjects.get(subject);
    return versions?.[versions.length - 1];
  }

  async getVersion(
    subject: string,
    version: number,
  ): Promise<{ readonly id: number; readonly schema: RegisteredSchema } | undefined> {
    return this.subjects.get(subject)?.[version - 1];
  }

  async getById(id: number): Promise<RegisteredSchema | undefined> {
    return this.byId.get(id);
  }

  getCachedById(id: number): RegisteredSchema | undefined {
    return this.byId.get(id);
  }

  async listSubjects(): Promise<readonly string[]> {
    return [...this.subjects.keys()];
  }

  /** All versions of a subject, oldest first (for post-condition checks). */
  versions(subject: string): readonly { readonly id: number; readonly schema: RegisteredSchema }[] {
    return this.subjects.get(subject) ?? [];
  }
}

/** Compares schema texts ignoring JSON formatting. */
function canonicalText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
