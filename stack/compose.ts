import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { interpolate, variableReferences } from './env-example.ts';
import type { Problem } from './problems.ts';

/**
 * Checks of docker-compose.yml that need no Docker engine: the compose-spec JSON schema
 * (bundled offline by dclint), pinned images, variables declared in .env.example, and host
 * ports agreeing with the addresses the npm commands use.
 */
export interface ComposeFile {
  readonly text: string;
  readonly doc: { services?: Record<string, ComposeService>; volumes?: Record<string, unknown> };
}

export interface ComposeService {
  image?: string;
  ports?: (string | { published?: string | number; target?: number; host_ip?: string })[];
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: unknown[];
  environment?: Record<string, unknown> | string[];
}

export function loadCompose(path: string): ComposeFile {
  const text = readFileSync(path, 'utf8');
  return { text, doc: parse(text) as ComposeFile['doc'] };
}

const require = createRequire(import.meta.url);

export function checkComposeSchema(compose: ComposeFile): Problem[] {
  // dclint ships the compose-spec schema but does not export it: locate it from its package.json.
  const schemaPath = join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
  // Its `$schema` is draft-07 under an https URL ajv does not know by that name; drop it.
  const { $schema: _meta, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<
    string,
    unknown
  >;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (validate(compose.doc)) return [];
  return (validate.errors ?? []).map((e) => ({
    where: `docker-compose.yml${e.instancePath.replace(/\//g, '.')}`,
    message: `compose-spec: ${e.message ?? 'invalid'}`,
  }));
}

/** Every image must name an exact version: `name:1.2.3` after variable interpolation, never latest. */
export function checkPinnedImages(compose: ComposeFile, env: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [name, svc] of Object.entries(compose.doc.services ?? {})) {
    if (!svc.image) {
      problems.push({ where: `services.${name}`, message: 'no image' });
      continue;
    }
    const image = interpolate(svc.image, env);
    const tag = /:([^:/@]+)$/.exec(image)?.[1];
    if (!tag || !/^\d+\.\d+(\.\d+)?([.-][\w.]+)?$/.test(tag)) {
      problems.push({
        where: `services.${name}.image`,
        message: `${image} is not pinned to an exact version`,
      });
    }
  }
  return problems;
}

export function checkHealthchecks(compose: ComposeFile): Problem[] {
  const problems: Problem[] = [];
  const services = compose.doc.services ?? {};
  for (const [name, svc] of Object.entries(services)) {
    if (!svc.healthcheck?.test || svc.healthcheck.disable) {
      problems.push({ where: `services.${name}`, message: 'no healthcheck' });
    }
    const deps = Array.isArray(svc.depends_on)
      ? svc.depends_on.map((d) => [d, {}] as const)
      : Object.entries(svc.depends_on ?? {});
    for (const [dep, cond] of deps) {
      if (!services[dep])
        problems.push({ where: `services.${name}.depends_on`, message: `unknown service ${dep}` });
      else if ((cond as { condition?: string }).condition !== 'service_healthy') {
        problems.push({
          where: `services.${name}.depends_on.${dep}`,
          message: 'should wait for condition: service_healthy',
        });
      }
    }
  }
  return problems;
}

export function checkVariablesDeclared(compose: ComposeFile, env: ReadonlyMap<string, string>): Problem[] {
  const missing = new Set<string>();
  for (const ref of variableReferences(compose.text)) {
    if (!env.has(ref.name)) missing.add(ref.name);
  }
  return [...missing].map((name) => ({
    where: 'docker-compose.yml',
    message: `variable ${name} is used but not declared in .env.example`,
  }));
}

export function publishedPorts(svc: ComposeService): number[] {
  return (svc.ports ?? []).map((p) => {
    if (typeof p === 'string') {
      const parts = p.split(':');
      return Number(parts.length >= 2 ? parts[parts.length - 2] : parts[0]);
    }
    return Number(p.published);
  });
}

/** The host-side addresses in .env.example (what the npm commands use) must hit the right service. */
export const ADDRESS_VARIABLES: Readonly<Record<string, string>> = {
  KAFKA_BOOTSTRAP_SERVERS: 'kafka',
  SCHEMA_REGISTRY_URL: 'schema-registry',
  KSQLDB_URL: 'ksqldb-server',
  CONNECT_URL: 'connect',
  DATABASE_URL: 'postgres',
};

export function checkAddresses(
  compose: ComposeFile,
  env: ReadonlyMap<string, string>,
  defaults: Readonly<Record<string, string>>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [variable, service] of Object.entries(ADDRESS_VARIABLES)) {
    const svc = compose.doc.services?.[service];
    if (!svc) {
      problems.push({
        where: 'docker-compose.yml',
        message: `service ${service} (for ${variable}) is missing`,
      });
      continue;
    }
    const ports = publishedPorts(svc);
    for (const [origin, value] of [
      ['.env.example', env.get(variable)],
      ['command default', defaults[variable]],
    ] as const) {
      if (value === undefined) {
        if (origin === '.env.example')
          problems.push({ where: '.env.example', message: `${variable} is not declared` });
        continue;
      }
      const port = Number(/:(\d+)(?:\/|$)/.exec(value.replace(/^[a-z]+:\/\/(?:[^@/]*@)?/, 'x://'))?.[1]);
      if (!ports.includes(port)) {
        problems.push({
          where: `${origin} ${variable}`,
          message: `${value} does not reach service ${service} (published ports: ${ports.join(', ') || 'none'})`,
        });
      }
    }
  }
  const db = env.get('DATABASE_URL');
  if (db) {
    const url = new URL(db);
    if (
      url.username !== env.get('POSTGRES_USER') ||
      decodeURIComponent(url.password) !== env.get('POSTGRES_PASSWORD') ||
      url.pathname.slice(1) !== env.get('POSTGRES_DB')
    ) {
      problems.push({
        where: '.env.example DATABASE_URL',
        message: 'user, password or database differ from POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB',
      });
    }
  }
  return problems;
}
