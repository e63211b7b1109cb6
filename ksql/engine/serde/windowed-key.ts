import type { WindowBounds, WindowInfo } from './serde-types.ts';

/**
 * Kafka Streams windowed key layout (reference e.5): time windows append the 8-byte big-endian
 * start; session windows append end then start. The end of a time window is not stored:
 * it is `start + size` (exclusive).
 */
export function wrapWindowedKey(
  inner: Uint8Array | null,
  window: WindowInfo,
  bounds: WindowBounds,
): Uint8Array {
  const base = inner ?? new Uint8Array(0);
  const extra = window.type === 'SESSION' ? 16 : 8;
  const out = new Uint8Array(base.length + extra);
  out.set(base, 0);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (window.type === 'SESSION') {
    view.setBigInt64(base.length, BigInt(bounds.end));
    view.setBigInt64(base.length + 8, BigInt(bounds.start));
  } else {
    view.setBigInt64(base.length, BigInt(bounds.start));
  }
  return out;
}

export function unwrapWindowedKey(
  bytes: Uint8Array,
  window: WindowInfo,
): { inner: Uint8Array; window: WindowBounds } {
  const extra = window.type === 'SESSION' ? 16 : 8;
  if (bytes.length < extra) {
    throw new Error(`windowed key too short: ${bytes.length} bytes, need at least ${extra}`);
  }
  const innerLen = bytes.length - extra;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const inner = bytes.subarray(0, innerLen);
  if (window.type === 'SESSION') {
    const end = Number(view.getBigInt64(innerLen));
    const start = Number(view.getBigInt64(innerLen + 8));
    return { inner, window: { start, end } };
  }
  const start = Number(view.getBigInt64(innerLen));
  return { inner, window: { start, end: start + window.sizeMs } };
}
