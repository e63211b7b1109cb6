import type { RegisteredSchema, SchemaRegistryClient } from '../../../ksql/engine/serde/schema-registry.ts';

/** A minimal in-process schema registry for the sink's tests and benchmark. */
export class MemoryRegistry implements SchemaRegistryClient {
  private readonly byId = new Map<number, RegisteredSchema>();
  private readonly subjects = new Map<string, number[]>();

  async register(subject: string, schema: RegisteredSchema): Promise<number> {
    for (const [id, s] of this.byId) {
      if (s.schema === schema.schema && this.subjects.get(subject)?.includes(id)) return id;
    }
    const id = this.byId.size + 1;
    this.byId.set(id, schema);
    this.subjects.set(subject, [...(this.subjects.get(subject) ?? []), id]);
    return id;
  }
  async getLatest(subject: string) {
    const id = this.subjects.get(subject)?.at(-1);
    const schema = id === undefined ? undefined : this.byId.get(id);
    return id === undefined || schema === undefined ? undefined : { id, schema };
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
}
