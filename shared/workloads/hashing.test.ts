import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runHere, type ThreadHooks } from '../run/run-here';
import type { TaskProgress } from '../run/task-request';
import { fileBytes } from './download/file-bytes';
import { hashing, hashingParams, SLICE_BYTES, type HashingParams, type HashingPart } from './hashing';
import { calibrationSchema } from './calibration-schema';
import { ParamsError, parseParams } from './params-error';
import { DEFAULT_CALIBRATION, MIN_PROBE_MS, presetParams } from './presets';
import { WHOLE, type Shard } from './workload';

const KiB = 1024;
const MiB = 1024 * KiB;

/** The reference, with node:crypto: each block's digest, then the digest of their listing. */
function expected(p: HashingParams): { blocks: string[]; digest: string } {
  const blocks: string[] = [];
  for (let offset = 0, b = 0; offset < p.mebibytes * MiB; offset += p.blockKiB * KiB, b++) {
    const length = Math.min(p.blockKiB * KiB, p.mebibytes * MiB - offset);
    blocks.push(
      createHash('sha256')
        .update(fileBytes(p.seed, b, 0, length))
        .digest('hex'),
    );
  }
  const digest = createHash('sha256')
    .update(blocks.map((d) => `${d}\n`).join(''), 'ascii')
    .digest('hex');
  return { blocks, digest };
}

function runShard(p: HashingParams, shard: Shard): { part: HashingPart; done: number[] } {
  const work = hashing.run(p, shard);
  const done: number[] = [];
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return { part: step.value, done };
    if (step.value.kind === 'progress') done.push(step.value.done);
  }
}

const runSplit = (p: HashingParams, count: number) =>
  hashing.combine(
    p,
    Array.from({ length: count }, (_, index) => runShard(p, { index, count }).part),
  );

const small = (over: Partial<HashingParams> = {}): HashingParams =>
  hashingParams.parse({ mebibytes: 1, blockKiB: 64, ...over });

describe('hashing workload', () => {
  it.each([
    ['64 KiB blocks', small()],
    ['a shorter last block (1 MiB in 48 KiB blocks)', small({ blockKiB: 48 })],
    ['one block holding everything', small({ blockKiB: 1024, seed: 7 })],
    ['two MiB of another seed', small({ mebibytes: 2, blockKiB: 256, seed: 0xffff_ffff })],
  ])('gives node:crypto’s digests for %s', (_what, p) => {
    const want = expected(p);
    const { part } = runShard(p, WHOLE);
    expect(part.blocks.map((b) => b.sha256)).toEqual(want.blocks);
    expect(hashing.combine(p, [part])).toEqual({
      mebibytes: p.mebibytes,
      blocks: want.blocks.length,
      blockKiB: p.blockKiB,
      digest: want.digest,
    });
  });

  it('hashes different data for different seeds', () => {
    expect(runSplit(small({ seed: 1 }), 1).digest).not.toBe(runSplit(small({ seed: 2 }), 1).digest);
  });

  it('gives the same summary for 1, 2, 3, 5 and 16 shards, and each block goes to exactly one shard', () => {
    const p = small({ blockKiB: 16 });
    const whole = runSplit(p, 1);
    for (const count of [2, 3, 5, 16]) {
      expect(runSplit(p, count), `${count} shards`).toEqual(whole);
      const totals = Array.from({ length: count }, (_, index) => hashing.total(p, { index, count }));
      expect(totals.reduce((a, b) => a + b, 0)).toBe(MiB);
    }
    // More shards than blocks: the extra ones get nothing to do, and the summary still holds.
    const p4 = small({ blockKiB: 256 });
    expect(hashing.total(p4, { index: 5, count: 6 })).toBe(0);
    expect(runSplit(p4, 6)).toEqual(runSplit(p4, 1));
  });

  it('reports progress in slices of at most 64 KiB, up to its shard’s total', () => {
    const p = small({ blockKiB: 96 });
    const shard = { index: 1, count: 3 };
    const { done } = runShard(p, shard);
    const steps = done.map((d, i) => d - (done[i - 1] ?? 0));
    expect(Math.max(...steps)).toBeLessThanOrEqual(SLICE_BYTES);
    expect(Math.min(...steps)).toBeGreaterThan(0);
    expect(done.at(-1)).toBe(hashing.total(p, shard));
  });

  it('refuses parts with a block missing, twice, or out of range', () => {
    const p = small({ blockKiB: 256 });
    const { part } = runShard(p, WHOLE);
    const [first, ...rest] = part.blocks;
    if (!first) throw new Error('no blocks');
    expect(() => hashing.combine(p, [{ blocks: rest }])).toThrow('block 0 is missing');
    expect(() => hashing.combine(p, [part, { blocks: [first] }])).toThrow('block 0 came twice');
    expect(() => hashing.combine(p, [{ blocks: [...part.blocks, { ...first, block: 4 }] }])).toThrow('out of range');
  });

  it('describes its result and its parameters in one line', () => {
    const p = small();
    const r = runSplit(p, 1);
    expect(hashing.describe(r)).toBe(`1 MiB in 16 blocks, SHA-256 ${r.digest.slice(0, 16)}…`);
    expect(hashing.describeParams(p)).toBe('SHA-256 over 1 MiB of generated data, 16 blocks');
  });
});

describe('hashing parameters', () => {
  it('fills in the defaults', () => {
    expect(hashingParams.parse({ mebibytes: 3 })).toEqual({ mebibytes: 3, blockKiB: 256, seed: 0 });
  });

  it.each([
    [{ mebibytes: 0 }, 'mebibytes: mebibytes must be a whole number from 1 to 4,096'],
    [{ mebibytes: 4097 }, 'mebibytes: mebibytes must be a whole number from 1 to 4,096'],
    [{ mebibytes: 1.5 }, 'mebibytes: mebibytes must be a whole number from 1 to 4,096'],
    [{ mebibytes: 1, blockKiB: 8 }, 'blockKiB: blockKiB must be a whole number from 16 to 4,096'],
    [{ mebibytes: 1, seed: -1 }, 'seed: seed must be a whole number from 0 to 4,294,967,295'],
    [
      { mebibytes: 4096, blockKiB: 16 },
      'blockKiB: 4,096 MiB in blocks of 16 KiB would be 262,144 blocks; at most 16,384 (use larger blocks)',
    ],
    [{ mebibytes: 1, sha: 'fast' }, 'Unrecognized key: "sha"'],
  ])('rejects %j, naming the field and its range', (input, message) => {
    expect(() => parseParams(hashingParams, input, 'hashing')).toThrow(ParamsError);
    expect(() => parseParams(hashingParams, input, 'hashing')).toThrow(message);
  });

  it('accepts the largest data at the block limit', () => {
    expect(hashingParams.safeParse({ mebibytes: 4096, blockKiB: 256 }).success).toBe(true);
  });
});

describe('hashing presets', () => {
  const at = (msPerMiB: number) => ({ ...DEFAULT_CALIBRATION, hashing: { msPerMiB } });

  it('sizes a run at ms / msPerMiB mebibytes, within the parameter ranges', () => {
    expect(presetParams('hashing', '3s', DEFAULT_CALIBRATION).mebibytes).toBe(
      Math.round(3000 / DEFAULT_CALIBRATION.hashing.msPerMiB),
    );
    expect(presetParams('hashing', 2, at(10))).toEqual({ mebibytes: 200, blockKiB: 256, seed: 0 });
    // The fastest and slowest computers are clamped to the ranges, and the result still parses.
    expect(presetParams('hashing', '10s', at(MIN_PROBE_MS))).toEqual({ mebibytes: 4096, blockKiB: 256, seed: 0 });
    expect(hashingParams.safeParse(presetParams('hashing', '10s', at(MIN_PROBE_MS))).success).toBe(true);
    expect(presetParams('hashing', '1s', at(1e7)).mebibytes).toBe(1);
  });

  it('measures milliseconds per MiB from its 1 MiB probe, and the calibration schema checks them', () => {
    expect(hashing.presets.probe.mebibytes).toBe(1);
    expect(hashing.presets.measure(12)).toEqual({ msPerMiB: 12 });
    expect(calibrationSchema.safeParse(at(-1)).success).toBe(false);
    expect(calibrationSchema.safeParse(at(Number.NaN)).success).toBe(false);
    expect(calibrationSchema.safeParse(at(9)).success).toBe(true);
  });
});

describe('hashing through runHere', () => {
  const hooks = (counts: { yields: number }): ThreadHooks => ({
    now: () => performance.now(),
    blockFor: () => {},
    yieldToLoop: () =>
      new Promise<void>((resolve) => {
        counts.yields++;
        setImmediate(resolve);
      }),
    sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  });
  const request = { workload: 'hashing', params: { mebibytes: 2, blockKiB: 128, seed: 3 } } as const;
  const want = expected(hashingParams.parse(request.params)).digest;

  it.each([{ style: 'blocking' } as const, { style: 'sliced', sliceMs: 2 } as const])(
    'gives the node:crypto summary, with progress up to the total (%j)',
    async (style) => {
      const progress: TaskProgress[] = [];
      const counts = { yields: 0 };
      const task = runHere(request, { onProgress: (p) => progress.push(p) }, style, hooks(counts));
      const outcome = await task.outcome;
      expect(outcome).toMatchObject({ status: 'done', result: { mebibytes: 2, blocks: 16, digest: want } });
      expect(progress.at(-1)).toMatchObject({ done: 2 * MiB, total: 2 * MiB });
      // Sliced, the thread got its event loop back many times during the run; blocking, never.
      if (style.style === 'sliced') expect(counts.yields).toBeGreaterThan(3);
      else expect(counts.yields).toBe(0);
    },
  );

  it('cancels a sliced run between slices', async () => {
    const task = runHere(
      { workload: 'hashing', params: { mebibytes: 4096, blockKiB: 256 } },
      { onProgress: () => {} },
      { style: 'sliced', sliceMs: 2 },
      hooks({ yields: 0 }),
    );
    setTimeout(() => task.cancel(), 20);
    await expect(task.outcome).resolves.toMatchObject({ status: 'cancelled' });
  });
});
