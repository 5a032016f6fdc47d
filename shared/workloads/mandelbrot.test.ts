import { describe, it, expect } from 'vitest';
import {
  MANDELBROT_VIEW,
  mandelbrotOfPixels,
  escapeTime,
  mandelbrot,
  mandelbrotParams,
  tileGrid,
  type MandelbrotParams,
  type MandelbrotPart,
  type MandelbrotTile,
} from './mandelbrot';
import { paramsRejection } from '../testing/params-rejection';
import { ParamsError, parseParams } from './params-error';
import { WHOLE, type Shard } from './workload';

interface ShardRun {
  readonly part: MandelbrotPart;
  readonly tiles: MandelbrotTile[];
  readonly progress: number[];
}

function runShard(p: MandelbrotParams, shard: Shard): ShardRun {
  const tiles: MandelbrotTile[] = [];
  const progress: number[] = [];
  const work = mandelbrot.run(p, shard);
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return { part: step.value, tiles, progress };
    if (step.value.kind !== 'progress') throw new Error(`unexpected ${step.value.kind} step`);
    progress.push(step.value.done);
    if (step.value.chunk) tiles.push(step.value.chunk);
  }
}

function runSplit(
  p: MandelbrotParams,
  count: number,
): { checksum: string; tiles: MandelbrotTile[]; tileCount: number } {
  const runs = Array.from({ length: count }, (_, index) => runShard(p, { index, count }));
  const result = mandelbrot.combine(
    p,
    runs.map((r) => r.part),
  );
  return { checksum: result.checksum, tiles: runs.flatMap((r) => r.tiles), tileCount: result.tiles };
}

/** The RGBA of one image pixel, found in whichever tile holds it. */
function pixel(tiles: readonly MandelbrotTile[], x: number, y: number): number[] {
  const tile = tiles.find((t) => x >= t.x && x < t.x + t.width && y >= t.y && y < t.y + t.height);
  if (!tile) throw new Error(`no tile holds pixel ${x},${y}`);
  const o = ((y - tile.y) * tile.width + (x - tile.x)) * 4;
  return Array.from(tile.rgba.subarray(o, o + 4));
}

const small: MandelbrotParams = { ...MANDELBROT_VIEW, width: 96, height: 64, maxIterations: 200, tileSize: 32 };

const rejection = (input: unknown) => paramsRejection(mandelbrotParams, input, mandelbrot.title);

describe('escapeTime', () => {
  it.each([
    [0, 0],
    [-1, 0], // the orbit 0, -1, 0, -1 … is periodic
    [-2, 0], // the orbit 0, -2, 2, 2 … stays on the radius-2 circle: |z|² = 4 is not outside
    [0, 1], // 0, i, -1+i, -i, -1+i …: periodic
    [-0.65, 0],
  ])('never escapes for c = %d%+di', (re, im) => {
    expect(escapeTime(re, im, 1000)).toBe(1000);
  });

  it.each([
    // |c| > 2: z₁ = c is already outside after the first iteration.
    [3, 0, 1],
    [0, 2.5, 1],
    [-2.2, -1.1, 1],
    [1.5, 1.5, 1],
    // c = 1+i: z₁ = 1+i (|z|² = 2), z₂ = (1+i)² + 1+i = 1+3i (|z|² = 10 > 4) → 2.
    [1, 1, 2],
    // c = 2: z₁ = 2 (|z|² = 4, not > 4), z₂ = 6 → 2.
    [2, 0, 2],
    // c = 1: 0 → 1 → 2 → 5: |z₃|² = 25 → 3.
    [1, 0, 3],
    // c = 0.5: 0.5, 0.75, 1.0625, 1.62890625, 3.1533… → 5.
    [0.5, 0, 5],
  ])('c = %d%+di escapes after %d iterations', (re, im, expected) => {
    expect(escapeTime(re, im, 1000)).toBe(expected);
  });

  it('never counts past maxIterations', () => {
    expect(escapeTime(0, 0, 1)).toBe(1);
    expect(escapeTime(0.5, 0, 3)).toBe(3);
    expect(escapeTime(3, 0, 1)).toBe(1);
  });
});

describe('tileGrid', () => {
  it.each([
    [16, 16, 256],
    [64, 32, 32],
    [100, 70, 32],
    [97, 61, 8],
    [4096, 3, 64],
  ])('covers every pixel of %d×%d exactly once with tiles of %d', (width, height, tileSize) => {
    const covered = new Uint8Array(width * height);
    let outside = 0;
    const tiles = tileGrid({ width, height, tileSize });
    tiles.forEach((t, i) => {
      expect(t.index).toBe(i);
      expect(t.width).toBeGreaterThan(0);
      expect(t.height).toBeGreaterThan(0);
      expect(t.width).toBeLessThanOrEqual(tileSize);
      expect(t.height).toBeLessThanOrEqual(tileSize);
      for (let y = t.y; y < t.y + t.height; y++) {
        for (let x = t.x; x < t.x + t.width; x++) {
          if (x >= width || y >= height) outside++;
          else covered[y * width + x] = (covered[y * width + x] ?? 0) + 1;
        }
      }
    });
    expect(outside).toBe(0);
    expect(covered.every((c) => c === 1)).toBe(true);
    expect(tiles.length).toBe(Math.ceil(width / tileSize) * Math.ceil(height / tileSize));
  });
});

describe('mandelbrot workload', () => {
  it('paints known pixels of the default view', () => {
    const { tiles } = runShard(small, WHOLE);
    // The centre is c = -0.65 + 0i, inside the main cardioid: black and opaque.
    expect(pixel(tiles, 48, 32)).toEqual([0, 0, 0, 255]);
    // The top-left corner is c ≈ -2.2 - 1.03i, outside radius 2: escapes at 1, palette entry 1.
    // Palette entry 1 (t = 1/256): red ≈ 0.00002, green ≈ 0.057, blue = 8.5·(255/256)³·(1/256)·255 ≈ 8.37.
    expect(pixel(tiles, 0, 0)).toEqual([0, 0, 8, 255]);
    // Every pixel is opaque.
    for (const t of tiles) for (let o = 3; o < t.rgba.length; o += 4) expect(t.rgba[o]).toBe(255);
  });

  it('yields one tile per grid cell, each with width × height RGBA pixels', () => {
    const { tiles, part } = runShard(small, WHOLE);
    const grid = tileGrid(small);
    expect(part.tiles).toBe(grid.length);
    expect(tiles.map(({ index, x, y, width, height }) => ({ index, x, y, width, height }))).toEqual(grid);
    for (const t of tiles) {
      expect(t.rgba).toBeInstanceOf(Uint8ClampedArray);
      expect(t.rgba.length).toBe(t.width * t.height * 4);
      expect(mandelbrot.chunk.safeParse(t).success).toBe(true);
      expect(mandelbrot.transferables(t)).toEqual([t.rgba.buffer]);
    }
  });

  it('gives the same checksum and the same pixels for 1, 2, 3 and 4 shards', () => {
    const p: MandelbrotParams = { ...MANDELBROT_VIEW, width: 150, height: 100, maxIterations: 300, tileSize: 32 };
    const whole = runSplit(p, 1);
    expect(whole.checksum).toMatch(/^[0-9a-f]{8}$/);
    const byIndex = (tiles: MandelbrotTile[]) => [...tiles].sort((a, b) => a.index - b.index);
    for (const count of [2, 3, 4]) {
      const split = runSplit(p, count);
      expect(split.checksum).toBe(whole.checksum);
      expect(split.tileCount).toBe(whole.tileCount);
      expect(byIndex(split.tiles)).toEqual(byIndex(whole.tiles));
    }
  });

  it('changes the checksum when the picture changes', () => {
    const a = runSplit(small, 1).checksum;
    expect(runSplit({ ...small, maxIterations: 201 }, 1).checksum).not.toBe(a);
    expect(runSplit({ ...small, centerRe: -0.6 }, 1).checksum).not.toBe(a);
  });

  it('reports progress that climbs to exactly total() for every shard', () => {
    const p: MandelbrotParams = { ...small, width: 70, height: 45, tileSize: 16 };
    for (const count of [1, 2, 3, 4]) {
      let sum = 0;
      for (let index = 0; index < count; index++) {
        const shard = { index, count };
        const { progress } = runShard(p, shard);
        const total = mandelbrot.total(p, shard);
        for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1] ?? Infinity);
        expect(progress.at(-1)).toBe(total);
        sum += total;
      }
      expect(sum).toBe(p.width * p.height);
    }
  });

  it('describes its result in words', () => {
    expect(mandelbrot.describe({ width: 96, height: 64, tiles: 6, checksum: '0badf00d' })).toBe(
      '96×64 pixels in 6 tiles, checksum 0badf00d',
    );
  });
});

describe('mandelbrot parameters', () => {
  const valid = { width: 320, height: 200, maxIterations: 500, centerRe: -0.5, centerIm: 0, span: 3 };

  it('accepts valid parameters and fills in the default tile size', () => {
    expect(parseParams(mandelbrotParams, valid, mandelbrot.title)).toEqual({ ...valid, tileSize: 64 });
  });

  it('accepts the ends of every range', () => {
    for (const extreme of [
      { width: 16, height: 16, maxIterations: 1, centerRe: -3, centerIm: -3, span: 1e-12, tileSize: 8 },
      { width: 4096, height: 4096, maxIterations: 100_000, centerRe: 3, centerIm: 3, span: 8, tileSize: 256 },
    ]) {
      expect(parseParams(mandelbrotParams, extreme, mandelbrot.title)).toEqual(extreme);
    }
  });

  it.each([
    ['width 0', { width: 0 }, 'width must be a whole number from 16 to 4,096'],
    ['width 5000', { width: 5000 }, 'width must be a whole number from 16 to 4,096'],
    ['width 15', { width: 15 }, 'width must be a whole number from 16 to 4,096'],
    ['a fractional width', { width: 100.5 }, 'width must be a whole number from 16 to 4,096'],
    ['width NaN', { width: Number.NaN }, 'width must be a whole number from 16 to 4,096'],
    ['a string width', { width: '320' }, 'width must be a whole number from 16 to 4,096'],
    ['height 4097', { height: 4097 }, 'height must be a whole number from 16 to 4,096'],
    ['maxIterations 0', { maxIterations: 0 }, 'maxIterations must be a whole number from 1 to 100,000'],
    ['maxIterations 100,001', { maxIterations: 100_001 }, 'maxIterations must be a whole number from 1 to 100,000'],
    ['centerRe NaN', { centerRe: Number.NaN }, 'centerRe must be a number from -3 to 3'],
    ['centerIm 3.5', { centerIm: 3.5 }, 'centerIm must be a number from -3 to 3'],
    ['span Infinity', { span: Number.POSITIVE_INFINITY }, 'span must be a number from'],
    ['span 9', { span: 9 }, 'span must be a number from'],
    ['tileSize 4', { tileSize: 4 }, 'tileSize must be a whole number from 8 to 256'],
  ])('rejects %s, naming the allowed range', (_, change, message) => {
    const error = rejection({ ...valid, ...change });
    expect(error).toBeInstanceOf(ParamsError);
    expect(error.message).toContain('Invalid Mandelbrot parameters');
    expect(error.message).toContain(message);
  });

  it('names a range for span whose lower end is not rounded to 0', () => {
    // A span of 0 is rejected, so the message must not claim the range starts at 0.
    const { message } = rejection({ ...valid, span: 0 });
    expect(message).toContain('span must be a number from 0.000000000001 to 8');
  });

  it('lists every problem at once', () => {
    const { message } = rejection({ ...valid, width: 0, height: 'tall', maxIterations: -1 });
    expect(message).toContain('width: width must be');
    expect(message).toContain('height: height must be');
    expect(message).toContain('maxIterations: maxIterations must be');
  });

  it('rejects unknown keys and missing keys by name', () => {
    expect(rejection({ ...valid, zoom: 2 }).message).toMatch(/Unrecognized key.*"zoom"/);
    const { width: _width, ...withoutWidth } = valid;
    expect(rejection(withoutWidth).message).toContain('width must be a whole number from 16 to 4,096');
  });

  it.each([null, undefined, 42, 'big', [320, 200]])('rejects %j, which is not an object', (input) => {
    expect(rejection(input).message).toMatch(/expected object/);
  });
});

describe('mandelbrotOfPixels', () => {
  it.each([0, 1, 100, 9600, 1e6, 1e9, Number.POSITIVE_INFINITY])(
    'gives valid 3:2 parameters for %d pixels',
    (pixels) => {
      const m = mandelbrotOfPixels(pixels);
      expect(mandelbrotParams.safeParse(m).success).toBe(true);
      expect(m.width / m.height).toBeGreaterThan(1.4);
      expect(m.width / m.height).toBeLessThan(1.6);
    },
  );
});
