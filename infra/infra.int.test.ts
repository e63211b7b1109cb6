/**
 * Smoke test of the real services `npm run infra -- up` starts: Kafka round trip, an Avro
 * schema through Apicurio's Confluent-compatible API with Confluent's own client, a Postgres
 * query. Reads the addresses from the same settings every integration test uses.
 */
import { randomUUID } from 'node:crypto';
import {
  AvroDeserializer,
  AvroSerializer,
  SchemaRegistryClient,
  SerdeType,
  SubjectNameStrategyType,
} from '@confluentinc/schemaregistry';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceSettings } from './settings.ts';

const settings = serviceSettings();
const run = randomUUID().slice(0, 8);

const schema = {
  type: 'record',
  name: 'InfraSmoke',
  namespace: 'fraud.infra',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'long' },
  ],
};

describe('infra services', () => {
  const kafka = new Kafka({
    clientId: `infra-smoke-${run}`,
    brokers: settings.kafkaBootstrap.split(','),
    logLevel: logLevel.WARN,
  });
  // A request timeout, so a lost HTTP request fails the test instead of hanging it (the
  // client's default is none).
  const registry = new SchemaRegistryClient({
    baseURLs: [settings.schemaRegistryUrl],
    createAxiosDefaults: { timeout: 15_000 },
  });
  const db = new pg.Client({ connectionString: settings.databaseUrl });
  const cleanups: (() => Promise<unknown>)[] = [];

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it('Kafka: creates a topic, produces and consumes a message', async () => {
    const topic = `infra-smoke-${run}`;
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true })).toBe(
      true,
    );
    expect(await admin.listTopics()).toContain(topic);

    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    await producer.send({ topic, messages: [{ key: 'k1', value: `hello ${run}` }] });

    const consumer = kafka.consumer({ groupId: `infra-smoke-${run}` });
    await consumer.connect();
    cleanups.push(() => consumer.disconnect());
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<{ key: string; value: string }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          resolve({ key: String(message.key), value: String(message.value) });
        },
      });
    });
    expect(received).toEqual({ key: 'k1', value: `hello ${run}` });
  });

  it('auto topic creation is off: producing to an unknown topic fails', async () => {
    const quiet = new Kafka({
      clientId: `infra-smoke-${run}`,
      brokers: settings.kafkaBootstrap.split(','),
      logLevel: logLevel.NOTHING,
    });
    const producer = quiet.producer({ allowAutoTopicCreation: true, retry: { retries: 1 } });
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    await expect(
      producer.send({ topic: `infra-missing-${run}`, messages: [{ value: 'x' }], timeout: 2000 }),
    ).rejects.toThrow(/does not host this topic-partition/);
  });

  it('schema registry: registers an Avro schema over the ccompat API and reads it back by id', async () => {
    const subject = `infra-smoke-${run}-value`;
    const id = await registry.register(subject, { schemaType: 'AVRO', schema: JSON.stringify(schema) });
    expect(id).toBeGreaterThan(0);

    const byId = await registry.getBySubjectAndId(subject, id);
    expect(JSON.parse(byId.schema)).toEqual(schema);
    const latest = await registry.getLatestSchemaMetadata(subject);
    expect(latest.id).toBe(id);
    expect(await registry.getAllSubjects()).toContain(subject);

    // Confluent's serializer against Apicurio: the wire format carries the registry's id.
    // TOPIC is the classic TopicNameStrategy; the client's default (ASSOCIATED) first asks the
    // newer /associations API, which Apicurio does not have (404), before falling back to it.
    const subjectNameStrategyType = SubjectNameStrategyType.TOPIC;
    const serializer = new AvroSerializer(registry, SerdeType.VALUE, {
      useLatestVersion: true,
      subjectNameStrategyType,
    });
    const bytes = await serializer.serialize(`infra-smoke-${run}`, { id: 'o-1', amount: 42 });
    expect(bytes[0]).toBe(0);
    expect(bytes.readInt32BE(1)).toBe(id);
    const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, { subjectNameStrategyType });
    expect(await deserializer.deserialize(`infra-smoke-${run}`, bytes)).toEqual({ id: 'o-1', amount: 42 });
  });

  it('Postgres: runs queries on the test server', async () => {
    await db.connect();
    cleanups.push(() => db.end());
    const version = await db.query<{ server_version_num: string }>('show server_version_num');
    expect(Number(version.rows[0]?.server_version_num)).toBeGreaterThanOrEqual(150000);

    await db.query('create temporary table infra_smoke (id text primary key, amount bigint not null)');
    await db.query('insert into infra_smoke values ($1, $2), ($3, $4)', ['a', 1, 'b', 41]);
    const sum = await db.query<{ total: string }>('select sum(amount)::text as total from infra_smoke');
    expect(sum.rows[0]?.total).toBe('42');
  });
});
