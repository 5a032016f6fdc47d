import { formatDuration } from '../format/format-duration';
import { FROZEN_AFTER_MS, JANK_THRESHOLD_MS } from '../stats/frame-gaps';
import type { Pane, PaneResult } from './compare-protocol';
import { startSkewMs } from './sync-start';

/**
 * The Compare summary judges each pane by how responsive it stayed — its worst frame gap, its
 * frames over 50 ms — against fixed lines, never by which of the two did "better": a pane that
 * froze for 1.2 s is red even when the other froze for 1.5 s. Wall time is shown but not judged
 * (finishing sooner is not what the comparison is about, and two threads of work on a two-core
 * machine compete with everything else).
 */

/** good: within the line that reads as smooth; bad: past the line that reads as frozen; null: not judged. */
export type Tone = 'good' | 'bad' | null;

/** One row of the summary table: the same figure for both panes, each with its own judgement. */
export interface SummaryRow {
  readonly key: 'wall' | 'worstGap' | 'framesOver50' | 'drawnDuringOther' | 'inputDelay' | 'mainStall';
  readonly label: string;
  readonly left: number | null;
  readonly right: number | null;
  readonly unit: 'ms' | 'count';
  readonly tone: Readonly<Record<Pane, Tone>>;
}

export type PaneState = 'frozen' | 'stuttered' | 'smooth' | 'cancelled' | 'failed';

/** A pane's result as the headline shows it: its state (a word and a colour), the figure big, what it is under it. */
export interface PaneHeadline {
  readonly state: PaneState;
  /** "1.17 s", "33 ms", or "—" for a pane that did not finish. */
  readonly figure: string;
  /** "worst frame gap", "drawn while the left pane was frozen", "failed: …" */
  readonly caption: string;
}

/**
 * What the web edition learns after a run by asking each pane how many frames it drew while the
 * other one ran: the only honest test of whether the two panes really had a thread each.
 */
export interface ThreadEvidence {
  /** Frames each pane drew during the other pane's run. */
  readonly drawnDuringOther: Readonly<Record<Pane, number>>;
  /** Whether each pane's place leaves its main thread free (PLACE_INFO's keepsPageResponsive). */
  readonly keepsThreadFree: Readonly<Record<Pane, boolean>>;
}

/** Did the pane that should have kept drawing, while the other pane froze, draw? */
export interface ThreadFinding {
  readonly kind: 'own-threads' | 'shared-thread';
  /** The pane that blocked its main thread and froze. */
  readonly frozen: Pane;
  /** The pane whose work ran off its main thread. */
  readonly other: Pane;
  /** Frames `other` drew during `frozen`'s run. */
  readonly frames: number;
  readonly windowMs: number;
}

export interface CompareSummary {
  readonly rows: readonly SummaryRow[];
  readonly headlines: Readonly<Record<Pane, PaneHeadline>>;
  /** How far apart the two panes actually began. */
  readonly startSkewMs: number;
  /** Null where there is no evidence, or no pane that froze beside one that should not have. */
  readonly finding: ThreadFinding | null;
  readonly verdict: string;
}

/**
 * Below this frame rate a pane is not "drawing" but stopped: a pane with a thread of its own draws
 * 60 a second beside a frozen one; one that shares the frozen thread draws none, or one at the end.
 */
export const MIN_DRAWING_FPS = 10;

const frames = (n: number) => (n === 1 ? '1 frame' : `${n} frames`);

function stateOf(r: PaneResult): PaneState {
  if (r.status !== 'done') return r.status;
  if (r.worstGapMs > FROZEN_AFTER_MS) return 'frozen';
  return r.worstGapMs > JANK_THRESHOLD_MS ? 'stuttered' : 'smooth';
}

/** A delay (a frame gap, an input, a ping): smooth up to 50 ms, frozen past 100 ms. */
const delayTone = (ms: number | null): Tone =>
  ms === null ? null : ms > FROZEN_AFTER_MS ? 'bad' : ms <= JANK_THRESHOLD_MS ? 'good' : null;

/** The pane that froze on its own main thread beside one whose work ran elsewhere, if any. */
function findThreads(results: Readonly<Record<Pane, PaneResult>>, evidence: ThreadEvidence): ThreadFinding | null {
  for (const [frozen, other] of [
    ['left', 'right'],
    ['right', 'left'],
  ] as const) {
    const f = results[frozen];
    if (stateOf(f) !== 'frozen' || evidence.keepsThreadFree[frozen] || !evidence.keepsThreadFree[other]) continue;
    if (results[other].status !== 'done' || f.wallMs <= 0) continue;
    const drawn = evidence.drawnDuringOther[other];
    const kind = drawn / (f.wallMs / 1000) >= MIN_DRAWING_FPS ? 'own-threads' : 'shared-thread';
    return { kind, frozen, other, frames: drawn, windowMs: f.wallMs };
  }
  return null;
}

/**
 * The headlines, the table and one sentence, all from the same figures. `labels` name the panes'
 * places ("Page main thread"); a pane that did not finish is said so first. `evidence` (the web
 * edition) adds the frames each pane drew while the other ran, and what they prove.
 *
 * A pane that shared the frozen pane's thread is frozen too, whatever its own run measured: it
 * could only begin once the freeze was over, so its own worst gap (often small) is not judged.
 */
export function compareSummary(
  left: PaneResult,
  right: PaneResult,
  labels: Readonly<Record<Pane, string>>,
  evidence?: ThreadEvidence,
): CompareSummary {
  const results = { left, right };
  const finding = evidence ? findThreads(results, evidence) : null;
  const sharer = finding?.kind === 'shared-thread' ? finding.other : null;
  const state: Record<Pane, PaneState> = {
    left: sharer === 'left' ? 'frozen' : stateOf(left),
    right: sharer === 'right' ? 'frozen' : stateOf(right),
  };
  const row = (
    key: SummaryRow['key'],
    label: string,
    unit: SummaryRow['unit'],
    pick: (r: PaneResult, pane: Pane) => number | null,
    judge: (value: number | null, pane: Pane) => Tone,
  ): SummaryRow => {
    const l = pick(left, 'left');
    const r = pick(right, 'right');
    return { key, label, left: l, right: r, unit, tone: { left: judge(l, 'left'), right: judge(r, 'right') } };
  };
  const rows: SummaryRow[] = [
    row(
      'worstGap',
      'Worst frame gap',
      'ms',
      (r) => r.worstGapMs,
      (ms, pane) => (pane === sharer ? null : delayTone(ms)),
    ),
    row(
      'framesOver50',
      'Frames over 50 ms',
      'count',
      (r) => r.framesOver50,
      // One frame over 50 ms can be a 1.2 s freeze: a count above 0 is red when the pane froze.
      (n, pane) => (pane === sharer ? null : n === 0 ? 'good' : state[pane] === 'frozen' ? 'bad' : null),
    ),
  ];
  if (evidence) {
    const judge = (pane: Pane): Tone =>
      finding?.other !== pane ? null : finding.kind === 'own-threads' ? 'good' : 'bad';
    rows.push(
      row(
        'drawnDuringOther',
        'Frames drawn while the other pane ran',
        'count',
        (_r, p) => evidence.drawnDuringOther[p],
        (_n, p) => judge(p),
      ),
    );
  }
  rows.push(
    row('inputDelay', 'Input delay (p95)', 'ms', (r) => r.inputDelayP95Ms, delayTone),
    row('mainStall', 'Main process unresponsive', 'ms', (r) => r.mainStallMs, delayTone),
    row(
      'wall',
      'Wall time (shown, not judged)',
      'ms',
      (r) => r.wallMs,
      () => null,
    ),
  );
  const headline = (pane: Pane): PaneHeadline => {
    const r = results[pane];
    const s = state[pane];
    if (s === 'failed') return { state: s, figure: '—', caption: `failed${r.message ? `: ${r.message}` : ''}` };
    if (s === 'cancelled') return { state: s, figure: '—', caption: 'cancelled' };
    if (pane === sharer && finding) {
      return { state: s, figure: frames(finding.frames), caption: `drawn while the ${finding.frozen} pane was frozen` };
    }
    return { state: s, figure: formatDuration(r.worstGapMs), caption: 'worst frame gap' };
  };
  return {
    rows,
    headlines: { left: headline('left'), right: headline('right') },
    startSkewMs: startSkewMs([left.startedAt, right.startedAt]),
    finding,
    verdict: verdict(results, state, labels, finding),
  };
}

function verdict(
  results: Readonly<Record<Pane, PaneResult>>,
  state: Readonly<Record<Pane, PaneState>>,
  labels: Readonly<Record<Pane, string>>,
  finding: ThreadFinding | null,
): string {
  for (const pane of ['left', 'right'] as const) {
    const r = results[pane];
    if (r.status === 'done') continue;
    const what = r.status === 'cancelled' ? 'was cancelled' : `failed${r.message ? `: ${r.message}` : ''}`;
    return `The ${pane} pane (${labels[pane]}) ${what}.`;
  }
  const { left, right } = results;
  const name = (pane: Pane) => `the ${pane} pane (${labels[pane]})`;
  if (finding?.kind === 'shared-thread') {
    const f = finding.frozen;
    return (
      `Both panes froze: ${name(f)} for ${formatDuration(results[f].worstGapMs)}, and ${name(finding.other)} drew ` +
      `${frames(finding.frames)} meanwhile, so the two panes shared one main thread.`
    );
  }
  const lf = state.left === 'frozen';
  const rf = state.right === 'frozen';
  if (lf && rf) {
    const both = `Both panes froze (worst gaps ${formatDuration(left.worstGapMs)} and ${formatDuration(right.worstGapMs)})`;
    if (finding?.kind === 'own-threads') {
      // Not one thread: the other pane drew on through the freeze, and stalled on its own account.
      return (
        `${both}, yet not on one thread: ${name(finding.other)} drew ` +
        `${frames(finding.frames)} while the ${finding.frozen} one was frozen.`
      );
    }
    return `${both}: whatever blocked one blocked the other too.`;
  }
  if (lf !== rf) {
    const [bad, good] = lf ? (['left', 'right'] as const) : (['right', 'left'] as const);
    const more = finding?.other === good ? ` and ${frames(finding.frames)} while the ${bad} one was frozen` : '';
    const b = formatDuration(results[bad].worstGapMs);
    const g = formatDuration(results[good].worstGapMs);
    return `${cap(name(bad))} froze for ${b}; ${name(good)} kept drawing: worst gap ${g}${more}.`;
  }
  return `Both panes stayed responsive (worst gaps ${formatDuration(left.worstGapMs)} and ${formatDuration(right.worstGapMs)}).`;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
