import type { TaskOutcome } from '../../../shared/run/task-outcome';
import type {
  DownloadEvent,
  DownloadFile,
  DownloadParams,
  DownloadResult,
  FileResult,
  TransferState,
} from '../../../shared/workloads/download/download';
import { filesToResume, fileToRetry } from '../../../shared/workloads/download/resume';

/**
 * Where a batch is. A task is "asked for" from the moment the machine says `startTask` until it
 * hears `taskEnded`; the driver starts it a couple of frames later (the "running" state paints
 * first), so every click in between must mean something: it is remembered, and honoured when the
 * task would start (see the table in `send`).
 */
export type BatchStatus =
  | 'idle'
  /** A first task is asked for and not yet on the wire. */
  | 'starting'
  /** Bytes are moving. */
  | 'running'
  /** Pause was asked for: the task is being stopped, and the batch will be paused. */
  | 'pausing'
  | 'paused'
  /** A task is asked for again (after a pause, a cancelled file, or "Retry failed"). */
  | 'resuming'
  /** A file was cancelled: the task is being stopped, to go on at once without it. */
  | 'restarting'
  /** Cancel was asked for: the task is being stopped, and the batch ends cancelled. */
  | 'cancelling'
  | 'done'
  | 'cancelled'
  | 'failed';

/** The states in which a task is asked for or running: the batch is busy. */
export const BUSY: ReadonlySet<BatchStatus> = new Set([
  'starting',
  'running',
  'pausing',
  'resuming',
  'restarting',
  'cancelling',
]);
/** Where a file can still be cancelled by hand (in `cancelling` all of them are). */
const CAN_CANCEL_FILE: ReadonlySet<BatchStatus> = new Set([
  'idle',
  'starting',
  'running',
  'pausing',
  'resuming',
  'restarting',
  'paused',
]);
/** The states a batch rests in until someone clicks: its `start()` or `resume()` promise resolves there. */
export const AT_REST: ReadonlySet<BatchStatus> = new Set(['idle', 'paused', 'done', 'cancelled', 'failed']);

export type BatchEvent =
  | { readonly type: 'start' }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'cancel' }
  | { readonly type: 'cancelFile'; readonly id: number }
  | { readonly type: 'retryFailed' }
  /** The task asked for is being started now (its run window opens). */
  | { readonly type: 'taskStarted' }
  /** One progress message of the task: its bytes so far, and the file events it carried. */
  | { readonly type: 'taskEvent'; readonly done: number; readonly events: readonly DownloadEvent[] }
  | { readonly type: 'taskEnded'; readonly outcome: TaskOutcome<unknown> };

/** What the driver must do after a transition. */
export type BatchCommand =
  | { readonly type: 'startTask'; readonly files: readonly DownloadFile[] }
  /** Stop the task asked for: if it has not started yet, it must never start. */
  | { readonly type: 'cancelTask' };

/** One stretch of a file's life on the timeline, in page time (performance.now()). */
export interface Segment {
  readonly state: 'connecting' | 'transferring' | 'retrying';
  readonly from: number;
  readonly to: number | null;
}

/** One file as the UI shows it. Immutable: a change makes a new view (and a new `files` array). */
export interface FileView {
  readonly file: DownloadFile;
  /** The latest event, or null while the file is still queued. */
  readonly last: DownloadEvent | null;
  readonly segments: readonly Segment[];
  readonly result: FileResult | null;
  /** When the current connection started moving bytes, and with how many: for rate and ETA. */
  readonly transferFrom: { readonly t: number; readonly bytes: number } | null;
  /** Set when the file was cancelled or paused part-way. */
  readonly stopped: 'paused' | 'cancelled' | null;
}

const isSegmentState = (s: TransferState): s is Segment['state'] =>
  s === 'connecting' || s === 'transferring' || s === 'retrying';

const closeOpen = (segments: readonly Segment[], t: number): readonly Segment[] => {
  const open = segments.at(-1);
  return open && open.to === null ? [...segments.slice(0, -1), { ...open, to: t }] : segments;
};

/**
 * One download batch as a state machine, without a DOM, a clock or a task of its own: the driver
 * (`DownloadBatch`) sends it each click and each thing the task reports, with the page time, and
 * does what it answers (start a task, or stop the one asked for). It folds the task's events into
 * per-file views and timeline segments, and knows what is left to fetch after a pause.
 *
 * Every transition (⇒ is the command for the driver; anything not listed is ignored and changes
 * nothing; the unit test goes through every state × every event):
 *
 *   idle         start → starting ⇒ startTask · cancel → cancelled · cancelFile: the file is dropped
 *   starting,    pause → pausing ⇒ cancelTask · cancel → cancelling ⇒ cancelTask ·
 *   resuming,      cancelFile → restarting ⇒ cancelTask (the file is dropped) ·
 *   running        taskStarted → running · taskEnded(cancelled), asked by no one → cancelled
 *   pausing      cancel → cancelling · cancelFile: dropped · taskEnded(cancelled) → paused
 *   restarting   pause → pausing · cancel → cancelling · cancelFile: dropped ·
 *                  taskEnded(cancelled) → resuming ⇒ startTask (the rest), or ends if none is left
 *   cancelling   taskEnded(cancelled) → cancelled
 *   paused       resume → resuming ⇒ startTask · cancel → cancelled · cancelFile: dropped (none left: ends)
 *   done, failed, cancelled   retryFailed, with failed files → resuming ⇒ startTask
 *
 * In every busy state a taskEvent is folded in, taskEnded(done) ends the batch done (failed if a
 * file failed) whatever was asked meanwhile, since the bytes did all arrive, and
 * taskEnded(failed) ends it failed. `cancelTask` before the task exists means it never starts:
 * that is how a click right after Start is kept. A file cancelled by hand never gets a result,
 * an event or bytes counted after its cancel.
 */
export class BatchMachine {
  private state: BatchStatus = 'idle';
  private views: readonly FileView[];
  private readonly index: ReadonlyMap<number, number>;
  /** Each file as a task was last given it (offset, attempts, retries spent): resuming counts on from there. */
  private readonly sent: Map<number, DownloadFile>;
  private readonly excluded = new Set<number>();
  /** The files of the task asked for, and whether it has started; null when none is asked for. */
  private task: { readonly ids: ReadonlySet<number>; open: boolean } | null = null;
  private received: number;
  private firstStart: number | null = null;
  private end: number | null = null;
  private active = 0;
  private openedAt = 0;
  private failure: string | null = null;

  constructor(readonly params: DownloadParams) {
    this.views = params.files.map((file) => ({
      file,
      last: null,
      segments: [],
      result: null,
      transferFrom: null,
      stopped: null,
    }));
    this.index = new Map(params.files.map((f, i) => [f.id, i]));
    this.sent = new Map(params.files.map((f) => [f.id, f]));
    this.received = this.bytesFromViews();
  }

  get status(): BatchStatus {
    return this.state;
  }
  get files(): readonly FileView[] {
    return this.views;
  }
  get receivedBytes(): number {
    return this.received;
  }
  /** All files' sizes, those cancelled by hand left out. */
  get totalBytes(): number {
    return this.params.files.reduce((sum, f) => sum + (this.excluded.has(f.id) ? 0 : f.size), 0);
  }
  /** Page time of the first task's start, and of the end (null while under way or never started). */
  get startedAt(): number | null {
    return this.firstStart;
  }
  get endedAt(): number | null {
    return this.end;
  }
  get error(): string | null {
    return this.failure;
  }
  /** Time tasks were on the wire until `t` (pauses left out). */
  activeMs(t: number): number {
    return this.active + (this.task?.open ? t - this.openedAt : 0);
  }

  /** One transition: what `event` at page time `t` does to the batch, and what the driver must do. */
  send(event: BatchEvent, t: number): BatchCommand | null {
    switch (event.type) {
      case 'start':
        return this.state === 'idle' ? this.ask('starting', this.remaining(), t) : null;
      case 'resume':
        return this.state === 'paused' ? this.ask('resuming', this.remaining(), t) : null;
      case 'retryFailed':
        return this.retryFailed(t);
      case 'pause':
        return this.stopTask(['starting', 'resuming', 'running', 'restarting'], 'pausing');
      case 'cancel':
        if (this.state === 'idle' || this.state === 'paused') {
          this.stopAll('cancelled', t);
          this.finish('cancelled', t);
          return null;
        }
        return this.stopTask(['starting', 'resuming', 'running', 'restarting', 'pausing'], 'cancelling');
      case 'cancelFile':
        return this.cancelFile(event.id, t);
      case 'taskStarted':
        if (this.task && !this.task.open) {
          this.task.open = true;
          this.firstStart ??= t;
          this.openedAt = t;
          if (this.state === 'starting' || this.state === 'resuming') this.state = 'running';
        }
        return null;
      case 'taskEvent':
        if (this.task) this.progress(event.done, event.events, t);
        return null;
      case 'taskEnded':
        return this.task ? this.ended(event.outcome, t) : null;
    }
  }

  private ask(status: BatchStatus, files: DownloadFile[], t: number): BatchCommand | null {
    if (files.length === 0) {
      this.settle(t);
      return null;
    }
    this.state = status;
    this.failure = null;
    this.end = null;
    this.task = { ids: new Set(files.map((f) => f.id)), open: false };
    for (const f of files) this.sent.set(f.id, f);
    this.update(
      files.map((f) => f.id),
      (v) => (v.stopped ? { ...v, stopped: null } : v),
    );
    return { type: 'startTask', files };
  }

  private stopTask(from: readonly BatchStatus[], to: BatchStatus): BatchCommand | null {
    if (!from.includes(this.state)) return null;
    // Stopped once already (pausing, restarting): the request stands, only its meaning changes.
    const stopping = this.state === 'pausing' || this.state === 'restarting';
    this.state = to;
    return stopping ? null : { type: 'cancelTask' };
  }

  private cancelFile(id: number, t: number): BatchCommand | null {
    const at = this.index.get(id);
    const v = at === undefined ? undefined : this.views[at];
    if (!v || v.result || v.last?.state === 'done' || v.last?.state === 'failed' || this.excluded.has(id)) return null;
    if (!CAN_CANCEL_FILE.has(this.state)) return null;
    this.excluded.add(id);
    this.update([id], (x) => ({ ...x, segments: closeOpen(x.segments, t), transferFrom: null, stopped: 'cancelled' }));
    this.received = this.bytesFromViews();
    if (this.state === 'paused' && this.remaining().length === 0) this.settle(t);
    // The task cannot be told to drop one download: it stops, and goes on at once without it.
    if (this.state === 'starting' || this.state === 'resuming' || this.state === 'running') {
      this.state = 'restarting';
      return { type: 'cancelTask' };
    }
    return null;
  }

  private retryFailed(t: number): BatchCommand | null {
    if (this.state !== 'done' && this.state !== 'failed' && this.state !== 'cancelled') return null;
    const failed = this.views.filter((v) => !this.excluded.has(v.file.id) && this.isFailed(v));
    if (failed.length === 0) return null;
    const files = failed.map((v) => fileToRetry(this.sentFile(v.file.id), v.last ?? undefined));
    this.update(
      failed.map((v) => v.file.id),
      (v) => ({ ...v, result: null }),
    );
    return this.ask('resuming', files, t);
  }

  private progress(done: number, events: readonly DownloadEvent[], t: number): void {
    // A file cancelled by hand hears nothing more: no events, no segments, no bytes.
    const byFile = new Map<number, DownloadEvent[]>();
    for (const e of events) if (!this.excluded.has(e.id)) byFile.set(e.id, [...(byFile.get(e.id) ?? []), e]);
    this.update([...byFile.keys()], (v) => (byFile.get(v.file.id) ?? []).reduce((x, e) => applyEvent(x, e, t), v));
    const ids = this.task?.ids ?? new Set<number>();
    // A cancelled file may still be in this task (until the restart): then its bytes are in `done`.
    const clean = ![...ids].some((id) => this.excluded.has(id));
    this.received = clean ? done + this.bytesOutside(ids) : this.bytesFromViews();
  }

  private ended(outcome: TaskOutcome<unknown>, t: number): BatchCommand | null {
    if (this.task?.open) this.active += t - this.openedAt;
    this.task = null;
    if (outcome.status === 'done') {
      const results = (outcome.result as DownloadResult).files.filter((r) => !this.excluded.has(r.id));
      const byId = new Map(results.map((r) => [r.id, r]));
      this.update([...byId.keys()], (v) => ({ ...v, result: byId.get(v.file.id) ?? v.result }));
      this.received = this.bytesFromViews();
      this.settle(t);
      return null;
    }
    if (outcome.status === 'failed') {
      this.failure = outcome.message;
      this.stopAll('cancelled', t);
      this.finish('failed', t);
      return null;
    }
    this.received = this.bytesFromViews();
    switch (this.state) {
      case 'pausing':
        this.stopAll('paused', t);
        this.state = 'paused';
        return null;
      case 'restarting':
        this.stopAll('paused', t);
        // The others go on at once, each from where it was.
        return this.ask('resuming', this.remaining(), t);
      default:
        // Cancelled by request, or by no one the machine heard of: either way the batch ends here.
        this.stopAll('cancelled', t);
        this.finish('cancelled', t);
        return null;
    }
  }

  /** The files still to fetch, each from where it stopped, those cancelled by hand left out. */
  private remaining(): DownloadFile[] {
    const latest = new Map(this.views.flatMap((v) => (v.last ? [[v.file.id, v.last] as const] : [])));
    const open = this.views
      .filter((v) => !v.result && !this.excluded.has(v.file.id))
      .map((v) => this.sentFile(v.file.id));
    return filesToResume(open, latest);
  }

  /** Nothing left to fetch: failed if a file failed, done if any arrived, else cancelled. */
  private settle(t: number): void {
    const failed = this.views.some((v) => !this.excluded.has(v.file.id) && this.isFailed(v));
    const done = this.views.some((v) => v.result?.status === 'done' || v.last?.state === 'done');
    this.stopAll('cancelled', t);
    this.finish(failed ? 'failed' : done ? 'done' : 'cancelled', t);
  }

  private isFailed(v: FileView): boolean {
    return v.result?.status === 'failed' || (!v.result && v.last?.state === 'failed');
  }

  private sentFile(id: number): DownloadFile {
    const f = this.sent.get(id);
    if (!f) throw new Error(`No file ${id} in this batch`);
    return f;
  }

  private stopAll(how: 'paused' | 'cancelled', t: number): void {
    const open = this.views.filter((v) => !v.result && !this.excluded.has(v.file.id) && !this.isFailed(v));
    this.update(
      open.map((v) => v.file.id),
      (v) => ({
        ...v,
        segments: closeOpen(v.segments, t),
        transferFrom: null,
        stopped: v.last || how === 'cancelled' ? how : v.stopped,
      }),
    );
  }

  private finish(status: BatchStatus, t: number): void {
    this.end = t;
    this.state = status;
  }

  /** Replaces the views of `ids` (one new array for all of them). */
  private update(ids: readonly number[], change: (v: FileView) => FileView): void {
    if (ids.length === 0) return;
    const next = [...this.views];
    for (const id of ids) {
      const at = this.index.get(id);
      const v = at === undefined ? undefined : next[at];
      if (at !== undefined && v) next[at] = change(v);
    }
    this.views = next;
  }

  private bytesOf(v: FileView): number {
    return v.result?.bytes ?? v.last?.bytes ?? v.file.offset;
  }

  private bytesFromViews(): number {
    return this.views.reduce((sum, v) => sum + (this.excluded.has(v.file.id) ? 0 : this.bytesOf(v)), 0);
  }

  /** Bytes of the files not in the task (finished earlier, or waiting for a retry). */
  private bytesOutside(ids: ReadonlySet<number>): number {
    return this.views.reduce(
      (sum, v) => sum + (ids.has(v.file.id) || this.excluded.has(v.file.id) ? 0 : this.bytesOf(v)),
      0,
    );
  }
}

/** An event folded into a file's view: the latest event, the timeline, and the rate's origin. */
function applyEvent(v: FileView, event: DownloadEvent, t: number): FileView {
  const state = event.state;
  let segments = v.segments;
  const open = segments.at(-1);
  if (open && open.to === null && open.state !== state) segments = closeOpen(segments, t);
  const last = segments.at(-1);
  if (isSegmentState(state) && (!last || last.to !== null || last.state !== state))
    segments = [...segments, { state, from: t, to: null }];
  const transferFrom = state === 'transferring' ? (v.transferFrom ?? { t, bytes: event.bytes }) : null;
  return { ...v, last: event, segments, transferFrom };
}
