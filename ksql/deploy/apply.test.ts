import { describe, expect, it } from 'vitest';
import { applyFiles } from './apply.ts';
import { FakeKsqlDb } from './fake-ksqldb.test-util.ts';
import { MetadataStore, defaultMetadataConfig } from './metadata.ts';
import { checksumOf, type MigrationFile } from './migration-files.ts';
import { pendingFiles, readServerState, validateAgainstFiles } from './plan.ts';

function file(version: number, name: string, content: string): MigrationFile {
  const fileName = `V${String(version).padStart(6, '0')}__${name}.sql`;
  return {
    version,
    name: name.replace(/_/g, ' '),
    fileName,
    path: fileName,
    checksum: checksumOf(content),
    content,
  };
}

const V1 = file(1, 'orders', "CREATE STREAM ORDERS WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='AVRO');\n");
const V2 = file(
  2,
  'ips',
  "DEFINE n = '10';\nCREATE TABLE IPS AS SELECT IP, COUNT(*) AS C FROM ORDERS GROUP BY IP HAVING COUNT(*) >= ${n};\n",
);
const V3 = file(
  3,
  'bad',
  'CREATE STREAM A AS SELECT * FROM FOO;\nCREATE STREAM B AS SELECT * FROM ORDERS;\n',
);

async function setup() {
  const fake = new FakeKsqlDb();
  const client = fake.client();
  const store = new MetadataStore(client, defaultMetadataConfig('default_'));
  await store.initialize();
  let t = 1_000;
  const ctx = { client, store, variables: { n: '5' }, now: () => t++ };
  return { fake, store, ctx };
}

describe('applyFiles', () => {
  it('applies files in order and records ksql-migrations metadata rows', async () => {
    const { fake, store, ctx } = await setup();
    const results = await applyFiles(ctx, [V1, V2], 0);
    expect(results.map((r) => r.status)).toEqual(['migrated', 'migrated']);
    const state = await readServerState(store);
    expect(state.current?.version).toBe('2');
    expect(state.current?.state).toBe('MIGRATED');
    expect(state.applied.get(2)?.previous).toBe('1');
    expect(state.applied.get(1)?.previous).toBe('<none>');
    expect(state.applied.get(1)?.checksum).toBe(V1.checksum);
    expect(state.applied.get(2)?.name).toBe('ips');
    // DEFINE is applied on the client for the rest of the file and sent as session variables
    const ctas = fake.executed.find((r) => r.ksql.startsWith('CREATE TABLE IPS'));
    expect(ctas?.sessionVariables).toEqual({ n: '10' });
    expect(validateAgainstFiles(state, [V1, V2])).toEqual([]);
    expect(pendingFiles(state, [V1, V2])).toEqual([]);
  });

  it('stops at the first failing statement, records ERROR, and reports the rest as not run', async () => {
    const { fake, store, ctx } = await setup();
    fake.failOn = /FROM FOO/;
    const results = await applyFiles(
      ctx,
      [V1, V3, file(4, 'later', 'CREATE STREAM C AS SELECT * FROM ORDERS;\n')],
      0,
    );
    expect(results.map((r) => r.status)).toEqual(['migrated', 'failed', 'not-run']);
    expect(results[1]!.statements.map((s) => [s.line, s.status])).toEqual([
      [1, 'failed'],
      [2, 'not-run'],
    ]);
    expect(results[1]!.statements[0]!.message).toContain('FOO does not exist');
    const state = await readServerState(store);
    expect(state.current?.state).toBe('ERROR');
    expect(state.current?.version).toBe('3');
    expect(state.applied.get(3)?.errorReason).toContain(
      'Failed to execute sql: CREATE STREAM A AS SELECT * FROM FOO;',
    );
    // what was applied stays recorded
    expect(state.applied.get(1)?.state).toBe('MIGRATED');
  });

  it('refuses to proceed when an applied file changed, naming the file', async () => {
    const { store, ctx } = await setup();
    await applyFiles(ctx, [V1], 0);
    const changed = {
      ...V1,
      content: V1.content + '-- edited\n',
      checksum: checksumOf(V1.content + '-- edited\n'),
    };
    const problems = validateAgainstFiles(await readServerState(store), [changed]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.problem).toContain('V000001__orders.sql changed after it was applied');
  });

  it('plans only versions after the latest applied one, up to --until', async () => {
    const { store, ctx } = await setup();
    await applyFiles(ctx, [V1], 0);
    const state = await readServerState(store);
    const v4 = file(4, 'x', 'SELECT 1;');
    expect(pendingFiles(state, [V1, V2, V3, v4], 3).map((f) => f.version)).toEqual([2, 3]);
    expect(() => pendingFiles(state, [V1, V2], 7)).toThrow(/no migration file has version 7/);
  });

  it('refuses statements the migrations tool does not allow', async () => {
    const { ctx } = await setup();
    const results = await applyFiles(ctx, [file(1, 'q', 'SELECT * FROM ORDERS;\n')], 0);
    expect(results[0]!.status).toBe('failed');
    expect(results[0]!.statements[0]!.message).toContain('SELECT statements are not allowed in migrations');
  });
});
