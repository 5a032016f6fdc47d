/**
 * The simulated server's files: every byte is a pure function of (seed, file id, position), so
 * any range can be produced on its own — a resumed download asks for "bytes from 1,048,576 on",
 * as an HTTP Range request would — and the same seed always gives the same file.
 */

/** A 32-bit integer mix (murmur3's finalizer): nearby inputs give unrelated outputs. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A number in [0, 1) fixed by its inputs: the simulation's only source of "randomness". */
export function unitRandom(seed: number, id: number, a: number, b = 0): number {
  const h = mix32(
    mix32(mix32(mix32(seed ^ 0x9e3779b9) ^ id) + Math.imul(a, 0x27d4eb2d)) ^ Math.imul(b + 1, 0x165667b1),
  );
  return h / 0x1_0000_0000;
}

/** Word `index` of file `id`: four bytes of content. */
function word(fileKey: number, index: number): number {
  return mix32(fileKey ^ Math.imul(index + 1, 0x9e3779b1));
}

const fileKey = (seed: number, id: number) => mix32(mix32(seed) ^ Math.imul(id + 1, 0x85ebca77));

/** Bytes [offset, offset + length) of file `id`. */
export function fileBytes(seed: number, id: number, offset: number, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  const key = fileKey(seed, id);
  let w = word(key, Math.floor(offset / 4));
  for (let i = 0; i < length; i++) {
    const p = offset + i;
    const lane = p % 4;
    if (lane === 0 && i > 0) w = word(key, p / 4);
    out[i] = (w >>> (lane * 8)) & 0xff;
  }
  return out;
}
