import { z } from 'zod';
import { fileBytes } from './download/file-bytes';
import { Sha256 } from './download/sha256';
import { intInRange } from './ranges';
import type { Shard, SizedWorkload, WorkStep } from './workload';

/** At most this many blocks, so one part's list of digests stays a small message (about 1 MB). */
export const HASHING_LIMITS = { maxBlocks: 16_384 } as const;

const blockBytes = (p: { readonly blockKiB: number }) => p.blockKiB * 1024;
const totalBytes = (p: { readonly mebibytes: number }) => p.mebibytes * 1024 * 1024;
const blockCount = (p: { readonly mebibytes: number; readonly blockKiB: number }) =>
  Math.ceil(totalBytes(p) / blockBytes(p));

/**
 * SHA-256 over generated data: CPU work of another shape than Mandelbrot's (32-bit mixing of a
 * byte stream, no floating point), and a job real apps send to a worker (checking a download,
 * fingerprinting a file).
 *
 * What is hashed: `mebibytes` MiB of data, cut into blocks of `blockKiB` KiB (the last one may
 * be shorter). Block b is file b of the download simulation's generator for `seed`: a pure
 * function of (seed, b, position), so whichever worker gets a block makes its bytes itself and
 * nothing large crosses a thread. Every block gets its own SHA-256, hashed incrementally in
 * slices of SLICE_BYTES so the run can yield between them. The summary is the SHA-256 of the
 * block digests in block order, each as 64 lower-case hex digits and a newline (a `sha256sum`
 * listing without the names). Parts carry block numbers, so the summary is the same however the
 * blocks were shared out.
 */
export const hashingParams = z
  .strictObject({
    mebibytes: intInRange('mebibytes', 1, 4096),
    blockKiB: intInRange('blockKiB', 16, 4096).default(256),
    seed: intInRange('seed', 0, 0xffff_ffff).default(0),
  })
  .superRefine((p, ctx) => {
    const blocks = blockCount(p);
    if (blocks <= HASHING_LIMITS.maxBlocks) return;
    const n = (x: number) => x.toLocaleString('en-US');
    ctx.addIssue({
      code: 'custom',
      path: ['blockKiB'],
      message:
        `${n(p.mebibytes)} MiB in blocks of ${n(p.blockKiB)} KiB would be ${n(blocks)} blocks; ` +
        `at most ${n(HASHING_LIMITS.maxBlocks)} (use larger blocks)`,
    });
  });
export type HashingParams = z.output<typeof hashingParams>;

const HEX64 = /^[0-9a-f]{64}$/;
const partSchema = z.strictObject({
  blocks: z.array(z.strictObject({ block: z.int().nonnegative(), sha256: z.string().regex(HEX64) })),
});
export type HashingPart = z.output<typeof partSchema>;

export interface HashingResult {
  readonly mebibytes: number;
  readonly blocks: number;
  readonly blockKiB: number;
  /** SHA-256 of the block digests' listing: equal in every place and for every split. */
  readonly digest: string;
}

/** Bytes generated and hashed between yields: 64 KiB is well under a millisecond of work. */
export const SLICE_BYTES = 64 * 1024;

/** Interleaved, like primes' blocks: every worker's share is spread over the whole data. */
function blocksOfShard(p: HashingParams, shard: Shard): number[] {
  const blocks: number[] = [];
  for (let b = shard.index; b < blockCount(p); b += shard.count) blocks.push(b);
  return blocks;
}

const lengthOf = (p: HashingParams, block: number) => Math.min(blockBytes(p), totalBytes(p) - block * blockBytes(p));

function* runHashing(p: HashingParams, shard: Shard): Generator<WorkStep<never>, HashingPart> {
  const blocks: { block: number; sha256: string }[] = [];
  let done = 0;
  for (const block of blocksOfShard(p, shard)) {
    const hash = new Sha256();
    const length = lengthOf(p, block);
    for (let offset = 0; offset < length; offset += SLICE_BYTES) {
      const slice = Math.min(SLICE_BYTES, length - offset);
      hash.update(fileBytes(p.seed, block, offset, slice));
      done += slice;
      yield { kind: 'progress', done };
    }
    blocks.push({ block, sha256: hash.digestHex() });
  }
  return { blocks };
}

/** The listing's bytes: hex digits and newlines are ASCII, one byte per character. */
function listing(digests: readonly string[]): Uint8Array {
  const text = digests.map((d) => `${d}\n`).join('');
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function combineHashing(p: HashingParams, parts: readonly HashingPart[]): HashingResult {
  const digests: (string | undefined)[] = new Array<string | undefined>(blockCount(p));
  for (const { block, sha256 } of parts.flatMap((part) => part.blocks)) {
    if (block >= digests.length) throw new Error(`block ${block} is out of range: there are ${digests.length}`);
    if (digests[block] !== undefined) throw new Error(`block ${block} came twice`);
    digests[block] = sha256;
  }
  const missing = digests.findIndex((d) => d === undefined);
  if (missing >= 0) throw new Error(`block ${missing} is missing from the parts`);
  return {
    mebibytes: p.mebibytes,
    blocks: digests.length,
    blockKiB: p.blockKiB,
    digest: new Sha256().update(listing(digests as string[])).digestHex(),
  };
}

export interface HashingMeasured {
  /** Milliseconds to generate and hash one MiB. */
  readonly msPerMiB: number;
}

const PROBE: HashingParams = { mebibytes: 1, blockKiB: 256, seed: 0 };

export const hashing: SizedWorkload<HashingParams, never, HashingPart, HashingResult, HashingMeasured> = {
  name: 'hashing',
  title: 'SHA-256 hashing',
  params: hashingParams,
  chunk: z.never(),
  part: partSchema,
  total: (p, shard) => blocksOfShard(p, shard).reduce((sum, b) => sum + lengthOf(p, b), 0),
  run: runHashing,
  combine: combineHashing,
  transferables: () => [],
  describe: (r) =>
    `${r.mebibytes.toLocaleString('en-US')} MiB in ${r.blocks.toLocaleString('en-US')} blocks, SHA-256 ${r.digest.slice(0, 16)}…`,
  // Generating and hashing cost the same for every byte: time 1 MiB, scale linearly.
  presets: {
    probe: PROBE,
    measure: (ms) => ({ msPerMiB: ms / PROBE.mebibytes }),
    measured: z.object({ msPerMiB: z.number().positive().finite() }),
    defaults: { msPerMiB: 10 },
    // 256 KiB blocks keep even 4,096 MiB within the block limit, and a 1 MiB run still has 4 shards' worth.
    paramsFor: (ms, m) => ({
      mebibytes: Math.min(4096, Math.max(1, Math.round(ms / m.msPerMiB))),
      blockKiB: 256,
      seed: 0,
    }),
    msFor: (p, m) => p.mebibytes * m.msPerMiB,
  },
  view: 'text',
  describeParams: (p) =>
    `SHA-256 over ${p.mebibytes.toLocaleString('en-US')} MiB of generated data, ${blockCount(p).toLocaleString('en-US')} blocks`,
};
