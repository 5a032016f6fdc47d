import type { DownloadFile, DownloadParams } from './download-params';
import { fileBytes, unitRandom } from './file-bytes';
import { Sha256 } from './sha256';

/** Nominal time of one chunk: each transferring file reports about 20 times a second. */
export const CHUNK_MS = 50;
/**
 * A transferring file reports progress at most every REPORT_EVERY_MS (schedule time), and with
 * many files at once at most every `concurrency` ms: the UI hears of ~1,000 file updates a second
 * at most, however long the queue. State changes are always reported.
 */
export const REPORT_EVERY_MS = 100;
/** Backoff stops doubling here. */
export const MAX_BACKOFF_MS = 30_000;

export type TransferState = 'connecting' | 'transferring' | 'retrying' | 'done' | 'failed';

/** What one file tells the UI: its state, bytes so far, and when (schedule ms since the batch began). */
export interface DownloadEvent {
  readonly id: number;
  readonly state: TransferState;
  readonly bytes: number;
  readonly attempt: number;
  readonly at: number;
  readonly message?: string;
}

export interface FileResult {
  readonly id: number;
  readonly name: string;
  readonly status: 'done' | 'failed';
  readonly bytes: number;
  /** Attempts made so far, earlier tasks' included. */
  readonly attempts: number;
  /** Digest of the bytes received (only once all arrived), and the one it was checked against. */
  readonly sha256: string | null;
  readonly expectedSha256: string | null;
  /** Schedule ms since the batch began. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly message?: string;
}

export interface Advance {
  /** Bytes that arrived in this step. */
  readonly bytes: number;
  /** Something for the UI (a state change, or progress worth reporting). */
  readonly event?: DownloadEvent;
  /** Set when the file is over, one way or the other. */
  readonly result?: FileResult;
}

// Labels for the unitRandom streams, so jitter and failures never share draws.
const JITTER = 1;
const FAILS = 2;
const FAIL_POINT = 3;

/**
 * One file's transfer on the simulated network, as a little state machine driven by a clock
 * it is given: connect (latency), then chunks at the connection's bandwidth (with jitter), and on
 * an injected failure a backoff and a new connection that resumes where the bytes stopped.
 * Every byte that arrives is hashed; at the end the digest is checked against the server's.
 */
export class FileTransfer {
  state: TransferState = 'connecting';
  /** Schedule time of this file's next step. */
  dueAt = 0;
  bytes: number;
  private readonly hash = new Sha256();
  /**
   * The server's own digest of the file, kept by the "server" as it streams (as an HTTP
   * Content-Digest trailer would be): it covers the whole file from byte 0, whatever offset this
   * connection resumed at, so it is ready the moment the last byte arrives — no end-of-file spike.
   */
  private readonly served = new Sha256();
  private servedTo = 0;
  private readonly chunkBytes: number;
  private attempt: number;
  private failAt = Infinity;
  private startedAt = 0;
  private lastReport = -Infinity;
  private readonly reportEveryMs: number;

  constructor(
    private readonly p: DownloadParams,
    readonly file: DownloadFile,
  ) {
    this.bytes = file.offset;
    this.attempt = file.firstAttempt;
    this.chunkBytes = Math.max(1, Math.round((p.bandwidth * CHUNK_MS) / 1000));
    this.reportEveryMs = Math.max(REPORT_EVERY_MS, p.concurrency);
  }

  /** Opens the first connection at `now`. A resumed file first re-reads what is already on disk. */
  begin(now: number): DownloadEvent {
    this.startedAt = now;
    if (this.file.offset > 0) this.hash.update(fileBytes(this.p.seed, this.file.id, 0, this.file.offset));
    return this.connect(now);
  }

  advance(now: number): Advance {
    switch (this.state) {
      case 'connecting':
        this.state = 'transferring';
        this.dueAt = now + this.chunkTime();
        return { bytes: 0, event: this.event(now) };
      case 'retrying':
        return { bytes: 0, event: this.connect(now) };
      case 'transferring':
        return this.receive(now);
      case 'done':
      case 'failed':
        throw new Error(`File ${this.file.id} is already ${this.state}`);
    }
  }

  private connect(now: number): DownloadEvent {
    this.attempt++;
    this.state = 'connecting';
    this.dueAt = now + this.p.latencyMs;
    // Decided when the connection opens: whether, and after how much of the rest, it breaks.
    const remaining = this.file.size - this.bytes;
    const fails = remaining > 1 && unitRandom(this.p.seed, this.file.id, FAILS, this.attempt) < this.p.failureRate;
    this.failAt = fails
      ? this.bytes +
        Math.max(
          1,
          Math.floor(remaining * (0.1 + 0.8 * unitRandom(this.p.seed, this.file.id, FAIL_POINT, this.attempt))),
        )
      : Infinity;
    return this.event(now);
  }

  /** The current chunk's time on the wire: its bytes at the bandwidth, give or take the jitter. */
  private chunkTime(): number {
    const chunk = Math.floor(this.bytes / this.chunkBytes);
    const end = Math.min((chunk + 1) * this.chunkBytes, this.file.size);
    const spread = this.p.jitter * (2 * unitRandom(this.p.seed, this.file.id, JITTER, chunk) - 1);
    return ((end - this.bytes) / this.p.bandwidth) * 1000 * (1 + spread);
  }

  private receive(now: number): Advance {
    const chunkEnd = Math.min((Math.floor(this.bytes / this.chunkBytes) + 1) * this.chunkBytes, this.file.size);
    const end = Math.min(chunkEnd, this.failAt);
    const got = end - this.bytes;
    const bytes = fileBytes(this.p.seed, this.file.id, this.bytes, got);
    this.hash.update(bytes);
    this.serve(this.bytes, bytes);
    this.bytes = end;

    if (end === this.failAt) {
      // Attempts at this file in this batch: those of earlier tasks (before a pause) count too.
      const attempts = this.file.retriesUsed + this.attempt - this.file.firstAttempt;
      const why = `connection lost after ${this.bytes.toLocaleString('en-US')} bytes (injected failure, attempt ${this.attempt})`;
      if (attempts > this.p.retries)
        return { bytes: got, ...this.end(now, 'failed', `${why}; gave up after ${attempts} attempts`) };
      this.state = 'retrying';
      const backoff = Math.min(MAX_BACKOFF_MS, this.p.backoffMs * 2 ** (attempts - 1));
      this.dueAt = now + backoff;
      return { bytes: got, event: this.event(now, `${why}; retrying in ${Math.round(backoff)} ms`) };
    }
    if (end === this.file.size) {
      const digest = this.hash.digestHex();
      const expected = this.file.sha256 ?? this.served.digestHex();
      if (digest !== expected)
        return {
          bytes: got,
          ...this.end(
            now,
            'failed',
            `checksum mismatch: got ${digest.slice(0, 12)}…, expected ${expected.slice(0, 12)}…`,
            digest,
            expected,
          ),
        };
      return { bytes: got, ...this.end(now, 'done', undefined, digest, expected) };
    }
    this.dueAt = now + this.chunkTime();
    if (now - this.lastReport < this.reportEveryMs) return { bytes: got };
    return { bytes: got, event: this.event(now) };
  }

  /** The server side reads the file in order from byte 0, catching up first after a resume. */
  private serve(from: number, bytes: Uint8Array): void {
    if (this.servedTo < from) {
      for (let at = this.servedTo; at < from; at += 1 << 20)
        this.served.update(fileBytes(this.p.seed, this.file.id, at, Math.min(1 << 20, from - at)));
      this.servedTo = from;
    }
    if (this.servedTo === from) {
      this.served.update(bytes);
      this.servedTo = from + bytes.length;
    }
  }

  private end(
    now: number,
    status: 'done' | 'failed',
    message?: string,
    sha256: string | null = null,
    expected: string | null = null,
  ) {
    this.state = status;
    const result: FileResult = {
      id: this.file.id,
      name: this.file.name,
      status,
      bytes: this.bytes,
      attempts: this.attempt,
      sha256,
      expectedSha256: expected,
      startedAt: this.startedAt,
      endedAt: now,
      ...(message === undefined ? {} : { message }),
    };
    return { event: this.event(now, message), result };
  }

  private event(now: number, message?: string): DownloadEvent {
    this.lastReport = now;
    return {
      id: this.file.id,
      state: this.state,
      bytes: this.bytes,
      attempt: this.attempt,
      at: now,
      ...(message === undefined ? {} : { message }),
    };
  }
}
