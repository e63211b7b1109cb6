/** ksqlDB's Avro record names (AvroFormat, AvroProperties; reference e.8). */
export const KSQL_AVRO_NAMESPACE = 'io.confluent.ksql.avro_schemas';
export const DEFAULT_VALUE_SCHEMA_NAME = `${KSQL_AVRO_NAMESPACE}.KsqlDataSourceSchema`;

/** `SUSPICIOUS_IPS` → `io.confluent.ksql.avro_schemas.SuspiciousIpsKey` (AvroFormat.getKeySchemaName). */
export function defaultKeySchemaName(sourceName: string): string {
  const camel = sourceName
    .split('_')
    .filter((p) => p.length > 0)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())
    .join('');
  return `${KSQL_AVRO_NAMESPACE}.${camel}Key`;
}

export function splitFullName(fullName: string): { namespace: string | undefined; name: string } {
  const i = fullName.lastIndexOf('.');
  return i < 0
    ? { namespace: undefined, name: fullName }
    : { namespace: fullName.slice(0, i), name: fullName.slice(i + 1) };
}
