/** At most ~30 progress messages a second per task reach the UI (ARCHITECTURE.md, "Workloads"). */
export const PROGRESS_INTERVAL_MS = 33;

/**
 * Collects progress and chunks, and emits them at most once per interval. Chunks are never
 * dropped, only batched, so every Mandelbrot tile still arrives.
 */
export class ProgressBatcher<Chunk> {
  private lastEmit = -Infinity;
  private done = 0;
  private pending: Chunk[] = [];
  private dirty = false;

  /**
   * `holdFirst`: the first emit also waits one interval (a worker's task server: a task shorter
   * than that answers with its result alone, one message instead of two).
   */
  constructor(
    private readonly now: () => number,
    private readonly emit: (done: number, chunks: Chunk[]) => void,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
    holdFirst = false,
  ) {
    if (holdFirst) this.lastEmit = now();
  }

  push(done: number, chunk?: Chunk): void {
    this.done = done;
    this.dirty = true;
    if (chunk !== undefined) this.pending.push(chunk);
    if (this.now() - this.lastEmit >= this.intervalMs) this.flush();
  }

  /** Chunks collected and not yet sent: a result may follow without a last progress message when 0. */
  get pendingChunks(): number {
    return this.pending.length;
  }

  /** Sends whatever is pending now, e.g. just before the result. */
  flush(): void {
    if (!this.dirty) return;
    const chunks = this.pending;
    this.pending = [];
    this.dirty = false;
    this.lastEmit = this.now();
    this.emit(this.done, chunks);
  }
}
