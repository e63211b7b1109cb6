import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneratedEvent } from '../generator/events.ts';
import { eventToJsonLine } from '../generator/jsonl.ts';
import { OrderSource } from '../generator/source.ts';
import { readOrderFile } from './order-file.ts';

async function readAll(path: string): Promise<GeneratedEvent[]> {
  const out: GeneratedEvent[] = [];
  for await (const e of readOrderFile(path)) out.push(e);
  return out;
}

describe('readOrderFile', () => {
  it('reads back what generate --out writes: orders and poison records, in order', async () => {
    const events = [
      ...new OrderSource({
        scenarios: ['baseline', 'malformed'],
        rate: 50,
        seed: 'f',
        startMs: Date.UTC(2026, 0, 1),
        durationMs: 60_000,
      }),
    ];
    const lines = events.map(eventToJsonLine).filter((l): l is string => l !== undefined);
    const path = join(mkdtempSync(join(tmpdir(), 'replay-')), 'orders.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const back = await readAll(path);
    expect(back.map(eventToJsonLine)).toEqual(lines);
    expect(back.some((e) => e.kind === 'raw')).toBe(true);
  });

  it('names the line that is not an order', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'replay-')), 'bad.jsonl');
    writeFileSync(path, '{"order_id": "x"}\n');
    await expect(readAll(path)).rejects.toThrow(`${path}:1: not an order of generator/orders.avsc`);
  });
});
