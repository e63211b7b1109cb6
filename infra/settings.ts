/**
 * Where the real test services listen. `npm run infra -- up` starts them on these addresses;
 * integration tests and commands read the same settings, so one environment variable moves
 * both. Defaults are loopback ports chosen not to clash with the usual 9092/8081/5432.
 */
export interface ServiceSettings {
  /** Kafka bootstrap servers, `host:port[,host:port]`. */
  readonly kafkaBootstrap: string;
  /** Confluent-compatible schema registry base URL (Apicurio's ccompat API in tests). */
  readonly schemaRegistryUrl: string;
  /** Postgres connection string. */
  readonly databaseUrl: string;
}

export const DEFAULT_PORTS = {
  kafka: 19092,
  kafkaController: 19093,
  registry: 18081,
  postgres: 15432,
} as const;

export function serviceSettings(env: NodeJS.ProcessEnv = process.env): ServiceSettings {
  return {
    kafkaBootstrap: env.KAFKA_BOOTSTRAP_SERVERS ?? `127.0.0.1:${DEFAULT_PORTS.kafka}`,
    schemaRegistryUrl:
      env.SCHEMA_REGISTRY_URL ?? `http://127.0.0.1:${DEFAULT_PORTS.registry}/apis/ccompat/v7`,
    databaseUrl: env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${DEFAULT_PORTS.postgres}/postgres`,
  };
}
