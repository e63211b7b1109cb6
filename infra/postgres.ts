import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { RuntimeFailure } from '../common/errors.ts';
import { HOST, type InfraConfig } from './config.ts';
import { cacheKey, runStep } from './install.ts';
import { servicePaths, type InfraService } from './service.ts';
import { VERSIONS } from './versions.ts';

/** Debian's server binaries; INFRA_PG_BIN points elsewhere. */
export function pgBinDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INFRA_PG_BIN || `/usr/lib/postgresql/${VERSIONS.postgres}/bin`;
}

/** Who runs the server: postgres refuses to run as root, so root hands it to the `postgres` user. */
export function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = idOf('-u');
  const gid = idOf('-g');
  if (uid === undefined || gid === undefined) {
    throw new RuntimeFailure(
      'postgres: running as root, but there is no `postgres` user to run the server as',
      {
        hint: 'install the Debian postgresql package (it creates the user) or run as a normal user',
      },
    );
  }
  return { uid, gid };
}

function idOf(flag: '-u' | '-g'): number | undefined {
  const out = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  return out.status === 0 ? Number(out.stdout.trim()) : undefined;
}

/**
 * The cluster's directory: `.data/infra/postgres/data`, unless the server's user cannot reach
 * it (a checkout under a private home directory such as /root, when running as root). Then a
 * directory under the system temp dir, named after the data dir, so each checkout keeps its own.
 */
export function postgresDataDir(config: InfraConfig, user = serverUser()): string {
  const preferred = path.join(servicePaths(config, 'postgres').dir, 'data');
  if (!user || reachableBy(user, config.dataDir)) return preferred;
  return path.join(os.tmpdir(), `fraud-pipeline-infra-${cacheKey(config.dataDir)}`, 'postgres-data');
}

/** Can `user` traverse every directory down to `dir`? */
function reachableBy(user: { uid: number; gid: number }, dir: string): boolean {
  fs.mkdirSync(dir, { recursive: true });
  return spawnSync('test', ['-x', dir], user).status === 0;
}

/** Server flags: our own port, TCP on loopback only, no Unix socket (nothing shared with a system cluster). */
export function postgresArgs(config: InfraConfig, dataDir: string): string[] {
  return [
    '-D',
    dataDir,
    '-c',
    `port=${config.ports.postgres}`,
    '-c',
    `listen_addresses=${HOST}`,
    '-c',
    'unix_socket_directories=',
    // A throw-away test server: durability across an OS crash is not needed, speed is.
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ];
}

export const postgresService: InfraService = {
  name: 'postgres',
  title: `PostgreSQL ${VERSIONS.postgres} (Debian)`,
  // SIGINT is the "fast" shutdown; SIGTERM ("smart") would wait for every client to disconnect.
  stopSignal: 'SIGINT',
  ports: (config) => [config.ports.postgres],
  address: (config) => `postgres://postgres@${HOST}:${config.ports.postgres}/postgres`,

  async install(_config, progress) {
    const bin = pgBinDir();
    if (fs.existsSync(path.join(bin, 'postgres'))) return;
    if (process.env.INFRA_PG_BIN || process.getuid?.() !== 0) {
      throw new RuntimeFailure(`postgres: no server binaries in ${bin}`, {
        hint: `install them (as root: apt-get install -y postgresql-${VERSIONS.postgres}) or set INFRA_PG_BIN`,
      });
    }
    progress(`installing PostgreSQL ${VERSIONS.postgres} from Debian packages (apt-get, first time only)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await runStep('apt-get update', 'apt-get', ['update'], env);
    await runStep(
      'apt-get install postgresql',
      'apt-get',
      ['install', '-y', '--no-install-recommends', 'postgresql'],
      env,
    );
    if (!fs.existsSync(path.join(bin, 'postgres'))) {
      throw new RuntimeFailure(
        `postgres: apt-get installed postgresql, but ${bin}/postgres is still missing`,
        {
          hint: `Debian's postgresql may not be version ${VERSIONS.postgres} here; set INFRA_PG_BIN`,
        },
      );
    }
  },

  async prepare(config, progress) {
    const paths = servicePaths(config, 'postgres');
    const user = serverUser();
    fs.mkdirSync(paths.dir, { recursive: true });
    const dataDir = postgresDataDir(config, user);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    if (user) fs.chownSync(path.dirname(dataDir), user.uid, user.gid);
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      progress(`initdb ${dataDir}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      const out = spawnSync(
        path.join(pgBinDir(), 'initdb'),
        ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
        { encoding: 'utf8', cwd: path.dirname(dataDir), ...(user ?? {}) },
      );
      fs.appendFileSync(
        paths.logFile,
        `${out.stdout ?? ''}${out.stderr ?? ''}${out.error ? `${out.error.message}\n` : ''}`,
      );
      if (out.status !== 0) {
        throw new RuntimeFailure(`postgres: initdb failed (exit ${out.status ?? out.error?.message})`, {
          hint: `see ${paths.logFile}`,
        });
      }
    }
    return {
      command: path.join(pgBinDir(), 'postgres'),
      args: postgresArgs(config, dataDir),
      cwd: path.dirname(dataDir),
      marker: dataDir,
      ...(user ?? {}),
    };
  },

  async probe(config) {
    const client = new pg.Client({
      connectionString: postgresService.address(config),
      connectionTimeoutMillis: 2000,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      const res = await client.query<{ ok: number }>('select 1 as ok');
      return res.rows[0]?.ok === 1;
    } finally {
      await client.end().catch(() => {});
    }
  },
};
