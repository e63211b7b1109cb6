import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { RuntimeFailure } from '../common/errors.ts';
import { HOST, type InfraConfig } from './config.ts';
import { cacheKey, ensureCached, runStep } from './install.ts';
import { ensureJava } from './java.ts';
import { servicePaths, type InfraService } from './service.ts';
import { VERSIONS } from './versions.ts';

const POM = path.join('infra', 'maven', 'kafka-pom.xml');
const READINESS_GROUP = 'fraud-pipeline-infra-readiness';

/** Single-node KRaft broker+controller, the recipe in shared/reference/test-infrastructure.md. */
export function renderServerProperties(config: InfraConfig, logDirs: string): string {
  const { kafka, kafkaController } = config.ports;
  return [
    '# Written by `npm run infra -- up`; rewritten on every start.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${kafkaController}`,
    `listeners=PLAINTEXT://${HOST}:${kafka},CONTROLLER://${HOST}:${kafkaController}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${kafka}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${logDirs}`,
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Topics are created explicitly by the code that owns them; a typo must not create one.
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

/** log4j 1.x (reload4j) config: everything to stdout, which `up` sends to the service's log file. */
export function renderLog4j(): string {
  return [
    'log4j.rootLogger=INFO, stdout',
    'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
    'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka.request.logger=WARN',
    'log4j.logger.state.change.logger=WARN',
    '',
  ].join('\n');
}

/** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (Kafka's Uuid format). */
export function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function libsDir(config: InfraConfig): string {
  const pom = fs.readFileSync(path.join(config.repoRoot, POM), 'utf8');
  return path.join(config.cacheDir, `kafka-${VERSIONS.kafka}-${cacheKey(VERSIONS.kafka, pom)}`, 'libs');
}

export const kafkaService: InfraService = {
  name: 'kafka',
  title: `Kafka ${VERSIONS.kafka} (KRaft)`,
  stopSignal: 'SIGTERM',
  ports: (config) => [config.ports.kafka, config.ports.kafkaController],
  address: (config) => `${HOST}:${config.ports.kafka}`,

  async install(config, progress) {
    const libs = libsDir(config);
    await ensureCached(
      path.dirname(libs),
      `Kafka ${VERSIONS.kafka} jars (Maven)`,
      (tmp) =>
        runStep('mvn dependency:copy-dependencies (Kafka)', 'mvn', [
          '-B',
          '-Dstyle.color=never',
          '-f',
          path.join(config.repoRoot, POM),
          `-Dkafka.version=${VERSIONS.kafka}`,
          'dependency:copy-dependencies',
          '-DincludeScope=runtime',
          `-DoutputDirectory=${path.join(tmp, 'libs')}`,
        ]),
      progress,
    );
    await ensureJava(11, config, progress);
  },

  async prepare(config, progress) {
    const java = await ensureJava(11, config, progress);
    const paths = servicePaths(config, 'kafka');
    const dataDir = path.join(paths.dir, 'data');
    const props = path.join(paths.dir, 'server.properties');
    const log4j = path.join(paths.dir, 'log4j.properties');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(props, renderServerProperties(config, dataDir));
    fs.writeFileSync(log4j, renderLog4j());
    const classpath = `${libsDir(config)}/*`;
    if (!fs.existsSync(path.join(dataDir, 'meta.properties'))) {
      progress(`formatting Kafka storage in ${dataDir}`);
      const out = spawnSync(
        java,
        [
          `-Dlog4j.configuration=file:${log4j}`,
          '-cp',
          classpath,
          'kafka.tools.StorageTool',
          'format',
          '-t',
          randomClusterId(),
          '-c',
          props,
          '--ignore-formatted',
        ],
        { encoding: 'utf8' },
      );
      fs.appendFileSync(paths.logFile, `${out.stdout ?? ''}${out.stderr ?? ''}`);
      if (out.status !== 0) {
        throw new RuntimeFailure(`kafka: formatting the storage failed (exit ${out.status})`, {
          hint: `see ${paths.logFile}`,
        });
      }
    }
    return {
      command: java,
      args: [
        '-Xms256m',
        '-Xmx512m',
        '-XX:+ExitOnOutOfMemoryError',
        '-Djava.awt.headless=true',
        `-Dlog4j.configuration=file:${log4j}`,
        `-Dkafka.logs.dir=${paths.dir}`,
        '-cp',
        classpath,
        'kafka.Kafka',
        props,
      ],
      cwd: paths.dir,
    };
  },

  async probe(config) {
    const admin = new Kafka({
      clientId: 'infra-readiness',
      brokers: [`${HOST}:${config.ports.kafka}`],
      connectionTimeout: 2000,
      requestTimeout: 5000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    }).admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      await admin.listTopics();
      // Finding a group coordinator makes the broker create __consumer_offsets; until it
      // exists, the first consumer group in a test would log "group coordinator is not available".
      await admin.describeGroups([READINESS_GROUP]);
      return cluster.brokers.length > 0 && cluster.controller !== null;
    } finally {
      await admin.disconnect().catch(() => {});
    }
  },
};
