import { z } from 'zod';
import { intInRange, numberInRange } from './ranges';
import type { PixelTile, Shard, SizedWorkload, WorkStep } from './workload';

export const mandelbrotParams = z.strictObject({
  width: intInRange('width', 16, 4096),
  height: intInRange('height', 16, 4096),
  maxIterations: intInRange('maxIterations', 1, 100_000),
  /** The centre of the view in the complex plane, and the view's width. */
  centerRe: numberInRange('centerRe', -3, 3),
  centerIm: numberInRange('centerIm', -3, 3),
  span: numberInRange('span', 1e-12, 8),
  tileSize: intInRange('tileSize', 8, 256).default(64),
});
export type MandelbrotParams = z.output<typeof mandelbrotParams>;

/** A finished tile: RGBA pixels, transferred (not copied) to the UI. */
export type MandelbrotTile = PixelTile;

const tileSchema = z.strictObject({
  index: z.int().nonnegative(),
  x: z.int().nonnegative(),
  y: z.int().nonnegative(),
  width: z.int().positive(),
  height: z.int().positive(),
  rgba: z.instanceof(Uint8ClampedArray),
}) as z.ZodType<MandelbrotTile>;

const partSchema = z.strictObject({ tiles: z.int().nonnegative(), hash: z.int().nonnegative() });
export type MandelbrotPart = z.output<typeof partSchema>;

export interface MandelbrotResult {
  readonly width: number;
  readonly height: number;
  readonly tiles: number;
  /** Order-independent hash of every pixel's escape count: equal in every place. */
  readonly checksum: string;
}

/** Iterations until z = z² + c leaves the radius-2 disc; `maxIterations` if it never does. */
export function escapeTime(re: number, im: number, maxIterations: number): number {
  let x = 0;
  let y = 0;
  let n = 0;
  while (n < maxIterations) {
    const xx = x * x;
    const yy = y * y;
    if (xx + yy > 4) break;
    y = 2 * x * y + im;
    x = xx - yy + re;
    n++;
  }
  return n;
}

export interface TileRect {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Tiles in row-major order; the last column and row may be narrower. */
export function tileGrid(p: Pick<MandelbrotParams, 'width' | 'height' | 'tileSize'>): TileRect[] {
  const tiles: TileRect[] = [];
  for (let y = 0; y < p.height; y += p.tileSize) {
    for (let x = 0; x < p.width; x += p.tileSize) {
      const width = Math.min(p.tileSize, p.width - x);
      const height = Math.min(p.tileSize, p.height - y);
      tiles.push({ index: tiles.length, x, y, width, height });
    }
  }
  return tiles;
}

/** Interleaved, so every worker gets some of the expensive tiles near the set's border. */
function tilesOfShard(p: MandelbrotParams, shard: Shard): TileRect[] {
  return tileGrid(p).filter((t) => t.index % shard.count === shard.index);
}

const PALETTE = buildPalette(256);

function buildPalette(size: number): Uint8Array {
  const palette = new Uint8Array(size * 3);
  for (let i = 0; i < size; i++) {
    const t = i / size;
    // A smooth blue-to-gold ramp; cheap polynomial, no trigonometry per pixel.
    palette[i * 3] = Math.round(9 * (1 - t) * t * t * t * 255);
    palette[i * 3 + 1] = Math.round(15 * (1 - t) * (1 - t) * t * t * 255);
    palette[i * 3 + 2] = Math.round(8.5 * (1 - t) * (1 - t) * (1 - t) * t * 255);
  }
  return palette;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * One row of a tile: escape times, colours and the tile's running hash. A plain function, not
 * part of the generator, on purpose: V8 cannot replace a running generator's loop with optimised
 * code (no on-stack replacement in resumable functions), so with the loop inside `runMandelbrot`
 * every fresh thread ran ~0.5 s of work at the baseline tier, 2.3× slower, before the generator
 * itself was optimised (measured in headless Chromium, ARCHITECTURE.md "Honest sizes"). A plain
 * function called per row is optimised after a few rows.
 */
function paintRow(
  rgba: Uint8ClampedArray,
  tile: TileRect,
  row: number,
  re0: number,
  im: number,
  scale: number,
  p: MandelbrotParams,
  tileHash: number,
): number {
  let hash = tileHash;
  for (let col = 0; col < tile.width; col++) {
    const n = escapeTime(re0 + col * scale, im, p.maxIterations);
    hash = Math.imul(hash ^ n, FNV_PRIME);
    const o = (row * tile.width + col) * 4;
    if (n < p.maxIterations) {
      const c = (n % 256) * 3;
      rgba[o] = PALETTE[c] ?? 0;
      rgba[o + 1] = PALETTE[c + 1] ?? 0;
      rgba[o + 2] = PALETTE[c + 2] ?? 0;
    }
    rgba[o + 3] = 255;
  }
  return hash;
}

function* runMandelbrot(p: MandelbrotParams, shard: Shard): Generator<WorkStep<MandelbrotTile>, MandelbrotPart> {
  const scale = p.span / p.width;
  const left = p.centerRe - (p.width / 2) * scale;
  const top = p.centerIm - (p.height / 2) * scale;
  let done = 0;
  let tiles = 0;
  let hash = 0;
  for (const tile of tilesOfShard(p, shard)) {
    const rgba = new Uint8ClampedArray(tile.width * tile.height * 4);
    let tileHash = FNV_OFFSET ^ tile.index;
    for (let row = 0; row < tile.height; row++) {
      tileHash = paintRow(rgba, tile, row, left + tile.x * scale, top + (tile.y + row) * scale, scale, p, tileHash);
      done += tile.width;
      // One row is a small slice: the runner may yield to the event loop here.
      if (row < tile.height - 1) yield { kind: 'progress', done };
    }
    tiles++;
    // Summing per-tile hashes makes the checksum independent of how tiles were shared out.
    hash = (hash + (tileHash >>> 0)) >>> 0;
    yield { kind: 'progress', done, chunk: { ...tile, rgba } };
  }
  return { tiles, hash };
}

/** The view every preset draws: the whole set, with enough iterations to be real work. */
export const MANDELBROT_VIEW = { centerRe: -0.65, centerIm: 0, span: 3.1, maxIterations: 4000, tileSize: 64 } as const;
const ASPECT = 3 / 2;

/** MANDELBROT_VIEW at about `pixels` pixels, 3:2, within the parameter ranges. */
export function mandelbrotOfPixels(pixels: number): MandelbrotParams {
  const width = clamp(Math.round(Math.sqrt(pixels * ASPECT)), 48, 4096);
  const height = clamp(Math.round(width / ASPECT), 32, 4096);
  return { ...MANDELBROT_VIEW, width, height };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

const PROBE = mandelbrotOfPixels(120 * 80);

export interface MandelbrotMeasured {
  /** Milliseconds per pixel of MANDELBROT_VIEW. */
  readonly msPerPixel: number;
}

export const mandelbrot: SizedWorkload<
  MandelbrotParams,
  MandelbrotTile,
  MandelbrotPart,
  MandelbrotResult,
  MandelbrotMeasured
> = {
  name: 'mandelbrot',
  title: 'Mandelbrot',
  params: mandelbrotParams,
  chunk: tileSchema,
  part: partSchema,
  total: (p, shard) => tilesOfShard(p, shard).reduce((sum, t) => sum + t.width * t.height, 0),
  run: runMandelbrot,
  combine: (p, parts) => ({
    width: p.width,
    height: p.height,
    tiles: parts.reduce((sum, part) => sum + part.tiles, 0),
    checksum: (parts.reduce((sum, part) => (sum + part.hash) >>> 0, 0) >>> 0).toString(16).padStart(8, '0'),
  }),
  transferables: (tile) => [tile.rgba.buffer],
  describe: (r) => `${r.width}×${r.height} pixels in ${r.tiles} tiles, checksum ${r.checksum}`,
  // The cost is proportional to the pixels of the same view: time a small picture, scale up.
  presets: {
    probe: PROBE,
    measure: (ms) => ({ msPerPixel: ms / (PROBE.width * PROBE.height) }),
    measured: z.object({ msPerPixel: z.number().positive().finite() }),
    defaults: { msPerPixel: 0.0016 },
    paramsFor: (ms, m) => mandelbrotOfPixels(ms / m.msPerPixel),
    msFor: (p, m) => p.width * p.height * m.msPerPixel,
  },
  view: 'tiles',
  describeParams: (p) => `${p.width}×${p.height} pixels, ${p.maxIterations.toLocaleString('en-US')} iterations`,
};
