import { KsqlStatementError } from '../../errors.ts';
import type { RegisteredSchema, SchemaRegistryClient } from '../schema-registry.ts';

/**
 * The texts a Protobuf schema imports through schema references (Confluent's `references`:
 * import name → subject and version), followed transitively. Returns import name → text.
 */
export async function resolveReferences(
  registry: SchemaRegistryClient,
  schema: RegisteredSchema,
  into: Map<string, string> = new Map(),
): Promise<Map<string, string>> {
  for (const ref of schema.references ?? []) {
    if (into.has(ref.name)) continue;
    const found = registry.getVersion
      ? await registry.getVersion(ref.subject, ref.version)
      : await registry.getLatest(ref.subject);
    if (!found) {
      throw new KsqlStatementError(
        `Schema reference ${ref.name} (subject ${ref.subject}, version ${ref.version}) not found in the schema registry`,
      );
    }
    into.set(ref.name, found.schema.schema);
    await resolveReferences(registry, found.schema, into);
  }
  return into;
}
