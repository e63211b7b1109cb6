import fs from 'node:fs';
import path from 'node:path';
import { HOST, type InfraConfig } from './config.ts';
import { cacheKey, ensureCached, runStep } from './install.ts';
import { ensureJava } from './java.ts';
import { servicePaths, type InfraService } from './service.ts';
import { REGISTRY_JAVA_MAJOR, VERSIONS } from './versions.ts';

const POM = path.join('infra', 'maven', 'registry-pom.xml');

function appDir(config: InfraConfig): string {
  const pom = fs.readFileSync(path.join(config.repoRoot, POM), 'utf8');
  return path.join(
    config.cacheDir,
    `apicurio-registry-${VERSIONS.apicurio}-${cacheKey(VERSIONS.apicurio, pom)}`,
  );
}

export function ccompatUrl(config: InfraConfig): string {
  return `http://${HOST}:${config.ports.registry}/apis/ccompat/v7`;
}

/** JVM flags for Apicurio (Quarkus): loopback only, small heap, in-memory H2 storage (default). */
export function registryJvmArgs(config: InfraConfig, marker: string): string[] {
  return [
    '-Xms64m',
    '-Xmx384m',
    '-XX:+ExitOnOutOfMemoryError',
    `-Dquarkus.http.host=${HOST}`,
    `-Dquarkus.http.port=${config.ports.registry}`,
    // The management interface (health, metrics) is enabled at build time and would otherwise
    // listen on 0.0.0.0:9000; keep it on loopback and on a port of our own.
    `-Dquarkus.management.host=${HOST}`,
    `-Dquarkus.management.port=${config.ports.registryManagement}`,
    `-Dfraud-pipeline.infra=${marker}`,
  ];
}

export const registryService: InfraService = {
  name: 'registry',
  title: `Apicurio Registry ${VERSIONS.apicurio} (ccompat API)`,
  stopSignal: 'SIGTERM',
  ports: (config) => [config.ports.registry, config.ports.registryManagement],
  address: ccompatUrl,

  async install(config, progress) {
    await ensureCached(
      appDir(config),
      `Apicurio Registry ${VERSIONS.apicurio} (Maven, ~160 MB)`,
      async (tmp) => {
        const download = path.join(tmp, 'download');
        await runStep('mvn dependency:copy-dependencies (Apicurio Registry)', 'mvn', [
          '-B',
          '-Dstyle.color=never',
          '-f',
          path.join(config.repoRoot, POM),
          `-Dapicurio.version=${VERSIONS.apicurio}`,
          'dependency:copy-dependencies',
          `-DoutputDirectory=${download}`,
        ]);
        const tarball = path.join(download, `apicurio-registry-app-${VERSIONS.apicurio}-all.tar.gz`);
        await runStep('unpacking Apicurio Registry', 'tar', ['-xzf', tarball, '-C', tmp]);
        fs.rmSync(download, { recursive: true, force: true }); // Maven keeps its own copy in ~/.m2
      },
      progress,
    );
    await ensureJava(REGISTRY_JAVA_MAJOR, config, progress);
  },

  async prepare(config, progress) {
    const java = await ensureJava(REGISTRY_JAVA_MAJOR, config, progress);
    const paths = servicePaths(config, 'registry');
    fs.mkdirSync(paths.dir, { recursive: true });
    return {
      command: java,
      args: [...registryJvmArgs(config, paths.dir), '-jar', path.join(appDir(config), 'quarkus-run.jar')],
      cwd: paths.dir,
    };
  },

  async probe(config) {
    const res = await fetch(`${ccompatUrl(config)}/subjects`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return false;
    return Array.isArray(await res.json());
  },
};
