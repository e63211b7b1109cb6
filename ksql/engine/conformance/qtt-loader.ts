import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { isJsonObject, isLosslessNumber, parseJson, type JsonObject, type JsonValue } from './json.ts';
import type {
  QttCase,
  QttFile,
  QttHeader,
  QttRecord,
  QttSchemaReference,
  QttTopic,
  QttWindow,
} from './qtt-model.ts';

/** A QTT file that does not have the documented shape (`TestCaseNode` validation). */
export class QttFormatError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'QttFormatError';
  }
}

export async function loadQttFile(path: string): Promise<QttFile> {
  return parseQttFile(path, await readFile(path, 'utf8'));
}

export function parseQttFile(path: string, text: string): QttFile {
  const root = parseJson(text);
  if (!isJsonObject(root) || !Array.isArray(root.tests)) {
    throw new QttFormatError(path, 'expected an object with a "tests" array');
  }
  const cases = root.tests.map((c, i) => toCase(path, c, i));
  return { path, stem: basename(path, extname(path)), cases };
}

function toCase(file: string, node: JsonValue, index: number): QttCase {
  if (!isJsonObject(node)) throw new QttFormatError(file, `tests[${index}] is not an object`);
  const name = node.name;
  if (typeof name !== 'string') throw new QttFormatError(file, `tests[${index}] has no name`);
  const where = `test "${name}"`;
  const statements = stringArray(file, node.statements, `${where}: statements`);
  const exc = node.expectedException;
  return {
    name,
    statements,
    inputs: records(file, node.inputs, `${where}: inputs`),
    outputs: records(file, node.outputs, `${where}: outputs`),
    topics: topics(file, node.topics, `${where}: topics`),
    properties: isJsonObject(node.properties) ? node.properties : {},
    format: node.format === undefined ? [] : stringArray(file, node.format, `${where}: format`),
    config: node.config === undefined ? [] : stringArray(file, node.config, `${where}: config`),
    ...(isJsonObject(exc) ? { expectedException: expectedException(exc) } : {}),
    ...(isJsonObject(node.post) ? { post: node.post } : {}),
    enabled: node.enabled !== false,
    rest: node.responses !== undefined || node.expectedError !== undefined,
    ...(Array.isArray(node.responses) ? { responses: node.responses } : {}),
    ...(isJsonObject(node.expectedError) ? { expectedError: restError(node.expectedError) } : {}),
  };
}

function expectedException(node: JsonObject): { type?: string; message?: string } {
  return {
    ...(typeof node.type === 'string' ? { type: node.type } : {}),
    ...(typeof node.message === 'string' ? { message: node.message } : {}),
  };
}

function restError(node: JsonObject): { type?: string; message?: string; status?: number } {
  return {
    ...(typeof node.type === 'string' ? { type: node.type } : {}),
    ...(typeof node.message === 'string' ? { message: node.message } : {}),
    ...(isLosslessNumber(node.status) ? { status: Number(node.status.value) } : {}),
  };
}

function stringArray(file: string, v: JsonValue | undefined, what: string): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
    throw new QttFormatError(file, `${what} must be an array of strings`);
  }
  return v as string[];
}

function records(file: string, v: JsonValue | undefined, what: string): QttRecord[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new QttFormatError(file, `${what} must be an array`);
  return v.map((r, i) => toRecord(file, r, `${what}[${i}]`));
}

function toRecord(file: string, r: JsonValue, what: string): QttRecord {
  if (!isJsonObject(r) || typeof r.topic !== 'string') {
    throw new QttFormatError(file, `${what} must be an object with a "topic"`);
  }
  const ts = r.timestamp;
  return {
    topic: r.topic,
    key: r.key ?? null,
    value: r.value ?? null,
    ...(isLosslessNumber(ts) ? { timestamp: ts } : {}),
    ...(isJsonObject(r.window) ? { window: toWindow(file, r.window, what) } : {}),
    ...(Array.isArray(r.headers) ? { headers: r.headers.map((h) => toHeader(file, h, what)) } : {}),
  };
}

function toWindow(file: string, w: JsonObject, what: string): QttWindow {
  const type = typeof w.type === 'string' ? w.type.toLowerCase() : 'time';
  if ((type !== 'time' && type !== 'session') || !isLosslessNumber(w.start) || !isLosslessNumber(w.end)) {
    throw new QttFormatError(file, `${what}: window needs numeric start/end and type "time" or "session"`);
  }
  return { start: Number(w.start.value), end: Number(w.end.value), type };
}

function toHeader(file: string, h: JsonValue, what: string): QttHeader {
  if (!isJsonObject(h)) throw new QttFormatError(file, `${what}: header must be an object`);
  const key = h.KEY ?? h.key;
  const value = h.VALUE ?? h.value ?? null;
  if (typeof key !== 'string' || (value !== null && typeof value !== 'string')) {
    throw new QttFormatError(file, `${what}: header needs a string KEY and a base64 VALUE`);
  }
  return { key, value };
}

function references(v: JsonValue | undefined): QttSchemaReference[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter(isJsonObject).map((r) => ({
    name: String(r.name),
    ...(typeof r.format === 'string' ? { format: r.format } : {}),
    schema: r.schema ?? null,
  }));
}

function topics(file: string, v: JsonValue | undefined, what: string): QttTopic[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new QttFormatError(file, `${what} must be an array`);
  return v.map((t, i) => {
    if (!isJsonObject(t) || typeof t.name !== 'string') {
      throw new QttFormatError(file, `${what}[${i}] must be an object with a "name"`);
    }
    const num = (x: JsonValue | undefined): number | undefined =>
      isLosslessNumber(x) ? Number(x.value) : undefined;
    const str = (x: JsonValue | undefined): string | undefined => (typeof x === 'string' ? x : undefined);
    const topic: QttTopic = {
      name: t.name,
      keyFormat: str(t.keyFormat),
      valueFormat: str(t.valueFormat),
      keySchema: t.keySchema ?? undefined,
      valueSchema: t.valueSchema ?? undefined,
      keySchemaId: num(t.keySchemaId),
      valueSchemaId: num(t.valueSchemaId),
      keySchemaReferences: references(t.keySchemaReferences),
      valueSchemaReferences: references(t.valueSchemaReferences),
      partitions: num(t.partitions),
      replicas: num(t.replicas),
    };
    return topic;
  });
}
