import protobuf from 'protobufjs';
import { KsqlStatementError, KsqlUnsupportedError } from '../../errors.ts';
import { normalizeOptionLists } from './option-lists.ts';
import { addWellKnown } from './well-known-protos.ts';

/** A registered protobuf schema, parsed with its imports. */
export interface ParsedProto {
  readonly root: protobuf.Root;
  /** The file's package, if any. */
  readonly pkg: string | undefined;
  /** Messages declared at the top level of the schema's own file, in file order. */
  readonly messages: readonly protobuf.Type[];
}

/**
 * Parses a schema's proto text (proto2/proto3 as the registry stores it). Imports resolve to
 * `references` (import name → schema text, the registry's schema references) or to the
 * well-known files; anything else is a statement error naming the import.
 */
export function parseProtobufSchema(
  text: string,
  references: ReadonlyMap<string, string> = new Map(),
): ParsedProto {
  const root = new protobuf.Root();
  const parsed = parse(text, root);
  const ns = parsed.package ? root.lookup(parsed.package) : root;
  const messages =
    ns instanceof protobuf.Namespace
      ? ns.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type)
      : [];
  const loaded = new Set<string>();
  const pending = [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])];
  while (pending.length > 0) {
    const file = pending.shift()!;
    if (loaded.has(file)) continue;
    loaded.add(file);
    const ref = references.get(file);
    if (ref !== undefined) {
      const r = parse(ref, root);
      pending.push(...(r.imports ?? []), ...(r.weakImports ?? []));
    } else if (!addWellKnown(root, file)) {
      throw new KsqlStatementError(`Protobuf schema imports "${file}", which is not a schema reference`);
    }
  }
  try {
    root.resolveAll();
  } catch (e) {
    throw new KsqlStatementError(`Invalid Protobuf schema: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (messages.length === 0) throw new KsqlStatementError('Protobuf schema declares no message');
  return { root, pkg: parsed.package ?? undefined, messages };
}

function parse(text: string, root: protobuf.Root): protobuf.IParserResult {
  try {
    return protobuf.parse(normalizeOptionLists(text), root, { keepCase: true, alternateCommentMode: true });
  } catch (e) {
    throw new KsqlStatementError(`Invalid Protobuf schema: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * The message a serde writes: the one named `fullName` (with or without the package), else
 * the file's first message (Confluent's ProtobufSchema default).
 */
export function messageNamed(p: ParsedProto, fullName?: string): protobuf.Type {
  if (fullName === undefined) return p.messages[0]!;
  const qualified =
    p.pkg !== undefined && !fullName.startsWith(`${p.pkg}.`) ? `${p.pkg}.${fullName}` : fullName;
  for (const name of [qualified, fullName]) {
    const found = p.root.lookup(name);
    if (found instanceof protobuf.Type) return found;
  }
  throw new KsqlStatementError(`Schema does not contain a message named '${fullName}'`);
}

/** Confluent's message indexes of `type`: its position among messages, from the file down. */
export function messageIndexes(p: ParsedProto, type: protobuf.Type): number[] {
  const path: number[] = [];
  let t: protobuf.Type = type;
  for (;;) {
    const parent = t.parent;
    if (parent instanceof protobuf.Type) {
      path.unshift(nestedMessages(parent).indexOf(t));
      t = parent;
    } else {
      const i = p.messages.indexOf(t);
      if (i < 0) throw new KsqlUnsupportedError('PROTOBUF messages declared in a referenced schema');
      path.unshift(i);
      return path;
    }
  }
}

/** The message `indexes` point to (the reader side of messageIndexes). */
export function messageAt(p: ParsedProto, indexes: readonly number[]): protobuf.Type {
  let t = p.messages[indexes[0] ?? 0];
  for (const i of indexes.slice(1)) t = t ? nestedMessages(t)[i] : undefined;
  if (!t) throw new Error(`no message at index [${indexes.join(', ')}] of the schema`);
  return t;
}

function nestedMessages(t: protobuf.Type): protobuf.Type[] {
  return t.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type);
}
