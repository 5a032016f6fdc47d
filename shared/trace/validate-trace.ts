/**
 * Checks a trace file against the Chrome Trace Event Format as Unfreeze writes it
 * (chrome-trace.ts), and says what is wrong, event by event. Used by the tests on every export,
 * and by the e2e test on the file the "Export trace" button downloads.
 *
 * Format: every event has `ph`, `ts`, `pid`, `tid` (and a name); a complete event (`X`) has
 * `dur ≥ 0`; every flow start (`s`) has exactly one end (`f`) with its id, not before it, and each
 * binds to a slice with the same pid, tid and ts; every pid and pid/tid used has its
 * `process_name` / `thread_name` metadata. Meaning: see the helpers at the end.
 */

export interface TraceEventLike {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  readonly cat?: string;
  readonly dur?: number;
  readonly id?: number | string;
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface ValidTrace {
  readonly ok: true;
  readonly events: readonly TraceEventLike[];
}
export interface InvalidTrace {
  readonly ok: false;
  readonly problems: readonly string[];
}

/** At most this many problems are listed: a broken file usually breaks the same way everywhere. */
const MAX_PROBLEMS = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function validateTrace(data: unknown): ValidTrace | InvalidTrace {
  const problems: string[] = [];
  const raw = Array.isArray(data) ? data : isObject(data) ? data.traceEvents : undefined;
  if (!Array.isArray(raw)) return { ok: false, problems: ['a trace is an array of events or { traceEvents: [...] }'] };
  const events: TraceEventLike[] = [];
  raw.forEach((e: unknown, i) => {
    const problem = eventProblem(e);
    if (problem) problems.push(`event ${i}: ${problem}`);
    else events.push(e as TraceEventLike);
  });
  if (problems.length === 0) problems.push(...flowProblems(events), ...metadataProblems(events));
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, events };
}

function eventProblem(e: unknown): string | null {
  if (!isObject(e)) return 'must be an object';
  if (typeof e.ph !== 'string' || e.ph.length !== 1) return 'ph must be a one-letter phase';
  if (typeof e.name !== 'string') return 'name must be a string';
  if (!isFiniteNumber(e.ts) || e.ts < 0) return 'ts must be a finite number ≥ 0 (microseconds)';
  if (!isInt(e.pid)) return 'pid must be an integer';
  if (!isInt(e.tid)) return 'tid must be an integer';
  if (e.ph === 'X' && (!isFiniteNumber(e.dur) || e.dur < 0)) return `complete event "${e.name}" needs dur ≥ 0`;
  if ((e.ph === 's' || e.ph === 'f') && !isInt(e.id) && typeof e.id !== 'string') return 'a flow event needs an id';
  if (e.ph === 'M' && !(isObject(e.args) && typeof e.args.name === 'string') && e.name.endsWith('_name')) {
    return `metadata "${e.name}" needs args.name`;
  }
  return null;
}

function flowProblems(events: readonly TraceEventLike[]): string[] {
  const problems: string[] = [];
  const starts = new Map<string, TraceEventLike>();
  const ends = new Map<string, TraceEventLike>();
  const slices = new Set<string>();
  for (const e of events) if (e.ph === 'X') slices.add(`${e.pid}/${e.tid}/${e.ts}`);
  for (const e of events) {
    if (e.ph !== 's' && e.ph !== 'f') continue;
    const key = `${e.cat ?? ''}:${String(e.id)}`;
    const seen = e.ph === 's' ? starts : ends;
    if (seen.has(key)) problems.push(`flow ${key}: more than one "${e.ph}"`);
    seen.set(key, e);
    if (!slices.has(`${e.pid}/${e.tid}/${e.ts}`)) problems.push(`flow ${key} "${e.ph}" binds to no slice at its ts`);
  }
  for (const [key, s] of starts) {
    const f = ends.get(key);
    if (!f) problems.push(`flow ${key} starts but never ends`);
    else if (f.ts < s.ts) problems.push(`flow ${key} ends before it starts`);
  }
  for (const key of ends.keys()) if (!starts.has(key)) problems.push(`flow ${key} ends but never starts`);
  return problems;
}

function metadataProblems(events: readonly TraceEventLike[]): string[] {
  const processes = new Set<number>();
  const threads = new Set<string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') processes.add(e.pid);
    if (e.name === 'thread_name') threads.add(`${e.pid}/${e.tid}`);
  }
  const problems = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M') continue;
    if (!processes.has(e.pid)) problems.add(`pid ${e.pid} has no process_name metadata`);
    if (!threads.has(`${e.pid}/${e.tid}`)) problems.add(`pid ${e.pid} tid ${e.tid} has no thread_name metadata`);
  }
  return [...problems];
}

// Meaning: what a trace says about a run, read back from the file alone.

/** The pid/tid of the thread a `thread_name` metadata event names, or null. */
export function findThread(
  events: readonly TraceEventLike[],
  process: string,
  thread: string,
): { pid: number; tid: number } | null {
  const pid = events.find((e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === process)?.pid;
  if (pid === undefined) return null;
  const t = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === thread);
  return t ? { pid, tid: t.tid } : null;
}

/** Longest gap, in ms, between consecutive frame instants of one thread inside [fromUs, toUs]. */
export function longestFrameGapMs(
  events: readonly TraceEventLike[],
  thread: { pid: number; tid: number },
  fromUs: number,
  toUs: number,
): number {
  const frames = events
    .filter((e) => e.ph === 'i' && e.cat === 'frame' && e.pid === thread.pid && e.tid === thread.tid)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  let worst = 0;
  for (let i = 1; i < frames.length; i++) {
    const a = frames[i - 1] ?? 0;
    const b = frames[i] ?? 0;
    if (b < fromUs || a > toUs) continue;
    worst = Math.max(worst, b - a);
  }
  return worst / 1000;
}

/** The complete events of one category, e.g. the run ('run') or the workers' jobs ('job'). */
export function slicesOf(events: readonly TraceEventLike[], cat: string): readonly TraceEventLike[] {
  return events.filter((e) => e.ph === 'X' && e.cat === cat);
}

/** How much of [fromUs, toUs] the union of these slices leaves uncovered, in ms. */
export function uncoveredMs(slices: readonly TraceEventLike[], fromUs: number, toUs: number): number {
  const spans = slices.map((s) => [s.ts, s.ts + (s.dur ?? 0)] as const).sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = fromUs;
  for (const [a, b] of spans) {
    const start = Math.max(a, reach);
    const end = Math.min(b, toUs);
    if (end > start) covered += end - start;
    reach = Math.max(reach, Math.min(b, toUs));
  }
  return (toUs - fromUs - covered) / 1000;
}
