/**
 * Typed errors of the engine. QTT's `expectedException.type` names a Java exception class and
 * matches with `instanceof`; `javaClass` and `javaAncestors` let the conformance harness do the
 * same (KsqlStatementException extends KsqlException; ParseFailedException extends
 * KsqlException... see the ksqlDB sources named in ../shared/reference/ksqldb.md).
 */
export abstract class KsqlError extends Error {
  /** The ksqlDB Java exception class this error stands for. */
  abstract readonly javaClass: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }

  /** True if this error is an instance of the named Java class (by the known hierarchy). */
  isInstanceOf(javaClassName: string): boolean {
    return javaHierarchy(this.javaClass).includes(javaClassName);
  }
}

const JAVA_PARENTS: Readonly<Record<string, string>> = {
  'io.confluent.ksql.util.KsqlStatementException': 'io.confluent.ksql.util.KsqlException',
  'io.confluent.ksql.parser.exception.ParseFailedException': 'io.confluent.ksql.util.KsqlException',
  'io.confluent.ksql.util.KsqlException': 'java.lang.RuntimeException',
  'org.apache.kafka.streams.errors.StreamsException': 'org.apache.kafka.common.KafkaException',
  'org.apache.kafka.common.KafkaException': 'java.lang.RuntimeException',
  'io.confluent.ksql.serde.KsqlSerializationException': 'org.apache.kafka.common.errors.SerializationException',
  'org.apache.kafka.common.errors.SerializationException': 'org.apache.kafka.common.KafkaException',
  'java.lang.AssertionError': 'java.lang.Error',
  'java.lang.RuntimeException': 'java.lang.Exception',
  'java.lang.Exception': 'java.lang.Throwable',
  'java.lang.Error': 'java.lang.Throwable',
};

export function javaHierarchy(javaClass: string): string[] {
  const chain = [javaClass];
  let cur = JAVA_PARENTS[javaClass];
  while (cur) {
    chain.push(cur);
    cur = JAVA_PARENTS[cur];
  }
  return chain;
}

/** Syntax error: where, and what was expected. ksqlDB: ParseFailedException. */
export class KsqlParseError extends KsqlError {
  readonly javaClass = 'io.confluent.ksql.parser.exception.ParseFailedException';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly expected: readonly string[] = [],
  ) {
    super(message);
  }
}

/**
 * A statement that parses but is invalid (unknown source, type mismatch, bad property...).
 * `message` uses ksqlDB's wording where QTT checks it. ksqlDB: KsqlStatementException.
 */
export class KsqlStatementError extends KsqlError {
  readonly javaClass: string = 'io.confluent.ksql.util.KsqlStatementException';
  constructor(
    message: string,
    readonly statementText?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A generic engine failure (KsqlException), e.g. raised while executing a plan. */
export class KsqlRuntimeError extends KsqlError {
  readonly javaClass: string = 'io.confluent.ksql.util.KsqlException';
}

/** A feature ksqlDB has that this engine does not implement. Always names the feature. */
export class KsqlUnsupportedError extends KsqlStatementError {
  constructor(
    readonly feature: string,
    statementText?: string,
  ) {
    super(`unsupported: ${feature} is not supported by the local engine`, statementText);
  }
}

/** A record could not be (de)serialized. At runtime such records go to the processing log. */
export class KsqlSerdeError extends KsqlError {
  readonly javaClass = 'io.confluent.ksql.serde.KsqlSerializationException';
}

/** A failure inside a running query's topology (StreamsException in ksqlDB). */
export class KsqlStreamsError extends KsqlError {
  readonly javaClass = 'org.apache.kafka.streams.errors.StreamsException';
}
