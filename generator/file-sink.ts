import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { GeneratedEvent } from './events.ts';
import { eventToJsonLine } from './jsonl.ts';
import type { Sink } from './sink.ts';
import type { RunStats } from './stats.ts';

/** A JSON Lines writer with backpressure (used for --out and --truth-file). */
export class JsonLinesFile {
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'w' });
    this.stream.on('error', (err) => (this.failure = err));
  }

  /** Resolves once the stream can take more. */
  async write(lines: readonly string[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (lines.length === 0) return;
    if (!this.stream.write(`${lines.join('\n')}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) =>
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}

/** --out: orders and poison records as JSON Lines (format in jsonl.ts and the README). */
export class FileSink implements Sink {
  readonly unacknowledged = 0;
  private readonly file: JsonLinesFile;

  constructor(
    path: string,
    private readonly stats: RunStats,
  ) {
    this.file = new JsonLinesFile(path);
  }

  async write(events: readonly GeneratedEvent[]): Promise<void> {
    const lines: string[] = [];
    let bytes = 0;
    for (const e of events) {
      const line = eventToJsonLine(e);
      if (line !== undefined) {
        lines.push(line);
        bytes += line.length + 1;
      }
    }
    await this.file.write(lines);
    this.stats.recordLocal(lines.length, bytes);
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    await this.file.close();
  }
}
