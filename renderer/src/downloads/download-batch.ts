import type { Place } from '../../../shared/places';
import type { RunningTask } from '../../../shared/run/task-request';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { parseParams } from '../../../shared/workloads/params-error';
import {
  download,
  type DownloadEvent,
  type DownloadFile,
  type DownloadParams,
  type DownloadParamsInput,
  type DownloadResult,
  type FileResult,
  type TransferState,
} from '../../../shared/workloads/download/download';
import { filesToResume, fileToRetry } from '../../../shared/workloads/download/resume';
import { meters } from '../meters/frame-meter';
import { startTask } from '../run/start-task';
import { messageOf } from '../../../shared/errors/message-of';

export type BatchStatus = 'idle' | 'running' | 'pausing' | 'paused' | 'done' | 'cancelled' | 'failed';

/** One stretch of a file's life on the timeline, in page time (performance.now()). */
export interface Segment {
  readonly state: 'connecting' | 'transferring' | 'retrying';
  readonly from: number;
  to: number | null;
}

export interface FileView {
  readonly file: DownloadFile;
  /** The latest event, or null while the file is still queued. */
  last: DownloadEvent | null;
  readonly segments: Segment[];
  result: FileResult | null;
  /** When the current connection started moving bytes, and with how many: for rate and ETA. */
  transferFrom: { t: number; bytes: number } | null;
  /** Set when the file was cancelled or paused part-way. */
  stopped: 'paused' | 'cancelled' | null;
}

export interface BatchSnapshot {
  readonly status: BatchStatus;
  readonly place: Place;
  readonly files: readonly FileView[];
  readonly totalBytes: number;
  readonly receivedBytes: number;
  /** Page time of the first start, and of the end (or null while under way). */
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  /** Time the batch was actually running (pauses left out). */
  readonly activeMs: number;
  readonly error: string | null;
  readonly responsiveness: RunResponsiveness | null;
  /** Page time when this snapshot was taken: "now" for rates and ETAs. */
  readonly at: number;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** React hears about progress at most this often; status changes at once. */
const NOTIFY_MS = 100;

const isSegmentState = (s: TransferState): s is Segment['state'] =>
  s === 'connecting' || s === 'transferring' || s === 'retrying';

/**
 * One download batch in one place, outside React: starts the task, folds its events into
 * per-file views and timeline segments (timed by this page's clock as they arrive), and pauses
 * by cancelling the task and resuming with Range-style offsets. Validates everything before
 * anything starts: a ParamsError from `start` means nothing ran.
 */
export class DownloadBatch {
  private readonly params: DownloadParams;
  private readonly views: FileView[];
  private readonly byId: Map<number, FileView>;
  private task: RunningTask | null = null;
  private status: BatchStatus = 'idle';
  private startedAt: number | null = null;
  private endedAt: number | null = null;
  private activeMs = 0;
  private segmentStart = 0;
  private error: string | null = null;
  private responsiveness: RunResponsiveness | null = null;
  private received = 0;
  private readonly listeners = new Set<() => void>();
  private snapshot: BatchSnapshot | null = null;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    input: DownloadParamsInput,
    readonly place: Place,
  ) {
    this.params = parseParams(download.params, input, download.title);
    this.views = this.params.files.map((file) => ({
      file,
      last: null,
      segments: [],
      result: null,
      transferFrom: null,
      stopped: null,
    }));
    this.byId = new Map(this.views.map((v) => [v.file.id, v]));
    this.received = this.params.files.reduce((sum, f) => sum + f.offset, 0);
  }

  get concurrency(): number {
    return this.params.concurrency;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): BatchSnapshot => {
    const at = performance.now();
    this.snapshot ??= {
      at,
      status: this.status,
      place: this.place,
      files: this.views,
      totalBytes: this.params.files.reduce((sum, f) => sum + (this.excluded.has(f.id) ? 0 : f.size), 0),
      receivedBytes: this.received,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
      activeMs: this.activeMs + (this.status === 'running' || this.status === 'pausing' ? at - this.segmentStart : 0),
      error: this.error,
      responsiveness: this.responsiveness,
    };
    return this.snapshot;
  };

  /** Runs the whole queue; resolves when it has ended, paused or failed. */
  start(): Promise<void> {
    return this.run(this.params.files);
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.setStatus('pausing');
    this.task?.cancel();
  }

  resume(): Promise<void> {
    if (this.status !== 'paused') return Promise.resolve();
    return this.run(this.remaining());
  }

  /**
   * Cancels one file. The task cannot be told to drop one download, so a running batch stops
   * and goes straight on without it (each file resuming at its offset): a blip of a few ms.
   */
  cancelFile = (id: number): void => {
    const v = this.byId.get(id);
    if (!v || v.result || this.excluded.has(id) || this.place === 'renderer-main') return;
    this.excluded.add(id);
    const t = performance.now();
    const open = v.segments.at(-1);
    if (open && open.to === null) open.to = t;
    v.transferFrom = null;
    v.stopped = 'cancelled';
    this.received = this.views.reduce(
      (sum, x) => sum + (this.excluded.has(x.file.id) ? 0 : (x.result?.bytes ?? x.last?.bytes ?? x.file.offset)),
      0,
    );
    if (this.status === 'running') {
      this.restarting = true;
      this.task?.cancel();
    } else if (this.status === 'paused' && this.remaining().length === 0) {
      this.finish('cancelled', t);
    } else this.changed(true);
  };

  private readonly excluded = new Set<number>();
  private restarting = false;

  private remaining(): DownloadFile[] {
    return filesToResume(this.params.files, this.latest()).filter((f) => !this.excluded.has(f.id));
  }

  cancel(): void {
    if (this.status === 'paused') {
      this.stopAll('cancelled');
      this.finish('cancelled');
      return;
    }
    if (this.status !== 'running' && this.status !== 'pausing') return;
    this.cancelling = true;
    this.task?.cancel();
  }

  /** Tries the failed files again (each from the bytes it had, with fresh attempts). */
  retryFailed(): Promise<void> {
    if (this.status === 'running' || this.status === 'pausing') return Promise.resolve();
    const failed = this.views.filter((v) => v.result?.status === 'failed');
    if (failed.length === 0) return Promise.resolve();
    for (const v of failed) v.result = null;
    return this.run(failed.map((v) => fileToRetry(v.file, v.last ?? undefined)));
  }

  private cancelling = false;

  private latest(): Map<number, DownloadEvent> {
    return new Map(this.views.flatMap((v) => (v.last ? [[v.file.id, v.last] as const] : [])));
  }

  private async run(files: DownloadFile[]): Promise<void> {
    if (files.length === 0) return;
    const request = { workload: 'download' as const, params: { ...this.params, files } };
    // Checked before any frame is spent: bad input starts nothing.
    parseParams(download.params, request.params, download.title);
    this.error = null;
    this.cancelling = false;
    for (const v of this.views) if (files.some((f) => f.id === v.file.id)) v.stopped = null;
    this.setStatus('running');
    // Let "running" paint before a blocking run takes the thread, as the Playground does.
    await nextFrame();
    await nextFrame();
    meters.beginRun();
    const now = performance.now();
    this.startedAt ??= now;
    this.segmentStart = now;
    let outcome;
    try {
      this.task = startTask(this.place, request, {
        onProgress: (p) => {
          const t = performance.now();
          this.received = p.done + this.doneOutside(files);
          for (const chunk of p.chunks) this.apply(chunk as DownloadEvent, t);
          this.changed(false);
        },
      });
      outcome = await this.task.outcome;
    } catch (error) {
      outcome = { status: 'failed' as const, message: messageOf(error), elapsedMs: 0 };
    }
    this.task = null;
    const end = performance.now();
    this.activeMs += end - this.segmentStart;
    this.responsiveness = await meters.endRunAfterNextFrame();
    if (outcome.status === 'done') {
      for (const r of (outcome.result as DownloadResult).files) {
        const v = this.byId.get(r.id);
        if (v) v.result = r;
      }
      this.finish(this.views.some((v) => v.result?.status === 'failed') ? 'failed' : 'done', end);
    } else if (outcome.status === 'cancelled' && this.restarting && !this.cancelling) {
      // A file was cancelled: the others go on at once, each from where it was.
      this.restarting = false;
      this.stopAll('paused', end);
      const rest = this.remaining();
      if (rest.length > 0) return this.run(rest);
      this.finish(this.views.some((v) => v.result?.status === 'done') ? 'done' : 'cancelled', end);
    } else if (outcome.status === 'cancelled') {
      this.restarting = false;
      const how = this.cancelling ? 'cancelled' : 'paused';
      this.stopAll(how, end);
      if (how === 'paused') this.setStatus('paused');
      else this.finish('cancelled', end);
    } else {
      this.error = outcome.message;
      this.stopAll('cancelled', end);
      this.finish('failed', end);
    }
  }

  /** Bytes of files not in this task (finished earlier, or waiting for a retry). */
  private doneOutside(files: readonly DownloadFile[]): number {
    const inTask = new Set(files.map((f) => f.id));
    return this.views.reduce(
      (sum, v) => sum + (inTask.has(v.file.id) || this.excluded.has(v.file.id) ? 0 : (v.last?.bytes ?? v.file.offset)),
      0,
    );
  }

  private apply(event: DownloadEvent, t: number): void {
    const v = this.byId.get(event.id);
    if (!v) return;
    v.last = event;
    const open = v.segments.at(-1);
    const state = event.state;
    if (open && open.to === null && open.state !== state) open.to = t;
    if (isSegmentState(state) && (!open || open.to !== null || open.state !== state))
      v.segments.push({ state, from: t, to: null });
    v.transferFrom = state === 'transferring' ? (v.transferFrom ?? { t, bytes: event.bytes }) : null;
  }

  private stopAll(how: 'paused' | 'cancelled', t = performance.now()): void {
    for (const v of this.views) {
      if (v.result || this.excluded.has(v.file.id)) continue;
      const open = v.segments.at(-1);
      if (open && open.to === null) open.to = t;
      v.transferFrom = null;
      if (v.last || how === 'cancelled') v.stopped = how;
    }
  }

  private finish(status: BatchStatus, t = performance.now()): void {
    this.endedAt = t;
    this.setStatus(status);
  }

  private setStatus(status: BatchStatus): void {
    this.status = status;
    this.changed(true);
  }

  private changed(now: boolean): void {
    if (now) {
      if (this.notifyTimer !== null) clearTimeout(this.notifyTimer);
      this.notifyTimer = null;
      this.emit();
      return;
    }
    this.notifyTimer ??= setTimeout(() => {
      this.notifyTimer = null;
      this.emit();
    }, NOTIFY_MS);
  }

  private emit(): void {
    this.snapshot = null;
    for (const listener of this.listeners) listener();
  }
}
