import { z } from 'zod';
import { intInRange, numberInRange } from '../ranges';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Every limit of a download batch, in one place for the schema, the UI and the error messages. */
export const DOWNLOAD_LIMITS = {
  maxFiles: 1000,
  minSize: 1,
  maxSize: 64 * MiB,
  /** All files together: hashing is real CPU work, and the lesson is about waiting, not hashing. */
  maxTotalBytes: 256 * MiB,
  minBandwidth: KiB,
  maxBandwidth: 1024 * MiB,
  /** Size ÷ bandwidth: no single file may take longer than this. */
  maxFileSeconds: 600,
  maxLatencyMs: 10_000,
  maxJitter: 0.9,
  maxFailureRate: 0.9,
  maxRetries: 10,
  minBackoffMs: 10,
  maxBackoffMs: 30_000,
  maxConcurrency: 1000,
} as const;

const L = DOWNLOAD_LIMITS;

export const downloadFileSchema = z.strictObject({
  /** Identifies the file on the simulated server: its bytes, jitter and failures derive from it. */
  id: intInRange('file id', 0, 1_000_000_000),
  name: z
    .string({ error: 'name must be text' })
    .min(1, { error: 'name must not be empty' })
    .max(120, { error: 'name must be at most 120 characters' }),
  size: intInRange('size (bytes)', L.minSize, L.maxSize),
  /** Bytes already on disk from an earlier, paused or failed task: the transfer resumes there. */
  offset: intInRange('offset (bytes)', 0, L.maxSize).default(0),
  /** Attempts made by earlier tasks, so a retry does not replay the same injected failure. */
  firstAttempt: intInRange('firstAttempt', 0, 1000).default(0),
  /**
   * Retries already spent on this file by earlier tasks of the same batch (before a pause, or a
   * restart after another file was cancelled): `retries` is one budget per file for the whole
   * batch, pauses included. A retry by hand ("Retry failed") starts again from 0.
   */
  retriesUsed: intInRange('retriesUsed', 0, L.maxRetries).default(0),
  /** A published checksum to check against; without it, the digest the simulated server keeps as it streams. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'sha256 must be 64 lower-case hex digits' })
    .optional(),
});
export type DownloadFile = z.output<typeof downloadFileSchema>;
export type DownloadFileInput = z.input<typeof downloadFileSchema>;

const fmt = (n: number) => n.toLocaleString('en-US');

export const downloadParams = z
  .strictObject({
    files: z
      .array(downloadFileSchema, { error: 'files must be a list' })
      .min(1, { error: `files: give from 1 to ${fmt(L.maxFiles)} files` })
      .max(L.maxFiles, { error: `files: give from 1 to ${fmt(L.maxFiles)} files` }),
    /** Bytes per second of each connection (a server's per-download limit, not a shared pipe). */
    bandwidth: intInRange('bandwidth (bytes/s)', L.minBandwidth, L.maxBandwidth),
    /** Time to first byte of every connection, including each retry's. */
    latencyMs: intInRange('latency (ms)', 0, L.maxLatencyMs).default(0),
    /** Each chunk's time varies by up to ± this fraction, averaging out over a file. */
    jitter: numberInRange('jitter', 0, L.maxJitter).default(0),
    /** Chance that an attempt breaks off part-way (an injected network error). */
    failureRate: numberInRange('failure rate', 0, L.maxFailureRate).default(0),
    retries: intInRange('retries', 0, L.maxRetries).default(3),
    /** First retry waits this long; each further one twice as long. */
    backoffMs: intInRange('backoff (ms)', L.minBackoffMs, L.maxBackoffMs).default(250),
    /** At most this many files transfer at once: 1 = one after another. */
    concurrency: intInRange('concurrency', 1, L.maxConcurrency),
    seed: intInRange('seed', 0, 0xffff_ffff).default(1),
  })
  .superRefine((p, ctx) => {
    const ids = new Set<number>();
    let total = 0;
    p.files.forEach((f, i) => {
      total += f.size;
      if (ids.has(f.id))
        ctx.addIssue({ code: 'custom', path: ['files', i, 'id'], message: `file id ${f.id} appears twice` });
      ids.add(f.id);
      if (f.offset > f.size)
        ctx.addIssue({
          code: 'custom',
          path: ['files', i, 'offset'],
          message: `offset must be at most the size (${fmt(f.size)} bytes)`,
        });
      const seconds = f.size / p.bandwidth;
      if (seconds > L.maxFileSeconds)
        ctx.addIssue({
          code: 'custom',
          path: ['files', i, 'size'],
          message:
            `“${f.name}” would take ${Math.round(seconds).toLocaleString('en-US')} s at this bandwidth; ` +
            `size ÷ bandwidth must be at most ${L.maxFileSeconds} s`,
        });
    });
    if (total > L.maxTotalBytes)
      ctx.addIssue({
        code: 'custom',
        path: ['files'],
        message: `all files together must be at most ${fmt(L.maxTotalBytes / MiB)} MiB (got ${(total / MiB).toFixed(1)} MiB)`,
      });
  });
export type DownloadParams = z.output<typeof downloadParams>;
export type DownloadParamsInput = z.input<typeof downloadParams>;
