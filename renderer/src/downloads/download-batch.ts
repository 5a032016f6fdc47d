import type { Place } from '../../../shared/places';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { parseParams } from '../../../shared/workloads/params-error';
import {
  download,
  type DownloadEvent,
  type DownloadFile,
  type DownloadParams,
  type DownloadParamsInput,
} from '../../../shared/workloads/download/download';
import { messageOf } from '../../../shared/errors/message-of';
import { measuredRun, PAGE, type RunEnvironment } from '../run/measured-run';
import { RunSignal } from '../run/run-signal';
import { AT_REST, BatchMachine, BUSY, type BatchCommand, type BatchEvent, type BatchStatus } from './batch-machine';
import type { FileView } from './batch-machine';

export type { BatchStatus, FileView, Segment } from './batch-machine';

export interface BatchSnapshot {
  readonly status: BatchStatus;
  /** A task is asked for or on the wire (starting … cancelling): the controls say "running". */
  readonly busy: boolean;
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

/** React hears about progress at most this often; status changes at once. */
const NOTIFY_MS = 100;

/**
 * One download batch in one place, outside React: the thin driver of a BatchMachine. It hands
 * the machine every click and everything the task reports, with the page time, and does what the
 * machine answers: start a task through the renderer's one run lifecycle (`measuredRun`), or stop
 * the one asked for (a RunSignal, so a stop before the task exists means it never starts).
 * Validates everything before anything starts: a ParamsError from the constructor means nothing ran.
 */
export class DownloadBatch {
  private readonly machine: BatchMachine;
  private signal: RunSignal | null = null;
  private responsiveness: RunResponsiveness | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly waiters: (() => void)[] = [];
  private snapshot: BatchSnapshot | null = null;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    input: DownloadParamsInput,
    readonly place: Place,
    /** The page's meter, frames and `startTask`; tests on Node pass their own. */
    private readonly env: RunEnvironment = PAGE,
  ) {
    this.machine = new BatchMachine(parseParams(download.params, input, download.title));
  }

  get concurrency(): number {
    return this.machine.params.concurrency;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): BatchSnapshot => {
    const at = this.env.now();
    const m = this.machine;
    this.snapshot ??= {
      at,
      status: m.status,
      busy: BUSY.has(m.status),
      place: this.place,
      files: m.files,
      totalBytes: m.totalBytes,
      receivedBytes: m.receivedBytes,
      startedAt: m.startedAt,
      endedAt: m.endedAt,
      activeMs: m.activeMs(at),
      error: m.error,
      responsiveness: this.responsiveness,
    };
    return this.snapshot;
  };

  /** Runs the whole queue; resolves when it rests: ended, paused or failed. */
  start(): Promise<void> {
    this.send({ type: 'start' });
    return this.untilRest();
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  resume(): Promise<void> {
    this.send({ type: 'resume' });
    return this.untilRest();
  }

  cancel(): void {
    this.send({ type: 'cancel' });
  }

  /**
   * Cancels one file. The task cannot be told to drop one download, so a running batch stops
   * and goes straight on without it (each file resuming at its offset): a blip of a few ms.
   */
  cancelFile = (id: number): void => {
    this.send({ type: 'cancelFile', id });
  };

  /** Tries the failed files again (each from the bytes it had, with a fresh budget of retries). */
  retryFailed(): Promise<void> {
    this.send({ type: 'retryFailed' });
    return this.untilRest();
  }

  /** Resolves when the batch next rests: idle, paused, or ended. */
  private untilRest(): Promise<void> {
    if (AT_REST.has(this.machine.status)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** One event into the machine at page time `t`, and its command carried out. */
  private send(event: BatchEvent, t = this.env.now()): void {
    const before = this.machine.status;
    const command = this.machine.send(event, t);
    if (command) this.obey(command);
    const status = this.machine.status;
    // Progress is throttled for React; a change of state is shown at once.
    this.changed(event.type !== 'taskEvent' || status !== before);
    if (AT_REST.has(status)) for (const resolve of this.waiters.splice(0)) resolve();
  }

  private obey(command: BatchCommand): void {
    if (command.type === 'cancelTask') this.signal?.cancel();
    else void this.runTask(command.files);
  }

  private async runTask(files: readonly DownloadFile[]): Promise<void> {
    const signal = new RunSignal();
    this.signal = signal;
    const params: DownloadParams = { ...this.machine.params, files: [...files] };
    let outcome;
    let endMs;
    try {
      // Checked before any frame is spent: bad input starts nothing.
      parseParams(download.params, params, download.title);
      const run = await measuredRun(
        this.place,
        { workload: 'download', params },
        {
          signal,
          onStart: (t) => this.send({ type: 'taskStarted' }, t),
          listener: {
            // The chunks were checked against the workload's event schema where they entered.
            onProgress: (p) =>
              this.send({ type: 'taskEvent', done: p.done, events: p.chunks as readonly DownloadEvent[] }),
          },
        },
        this.env,
      );
      this.responsiveness = run.responsiveness;
      outcome = run.outcome;
      // The work ended at endMs; the frames after it were for the meter's figures.
      endMs = run.endMs;
    } catch (error) {
      outcome = { status: 'failed' as const, message: messageOf(error), elapsedMs: 0 };
    }
    if (this.signal === signal) this.signal = null;
    this.send({ type: 'taskEnded', outcome }, endMs);
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
