import { useCallback, useEffect, useState } from 'react';
import type { Pane, PaneCommand } from '../../../shared/compare/compare-protocol';
import type { ThreadEvidence } from '../../../shared/compare/compare-summary';
import { PLACE_INFO, type Place } from '../../../shared/places';
import type { PaneFrames } from './pane-transport';
import type { Reports } from './use-reports';

/** A pane that has not answered by then is not going to (its frame was reloaded or hung): judge without. */
const ANSWER_TIMEOUT_MS = 3000;

export type EvidenceState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'ready'; readonly evidence: ThreadEvidence }
  | { readonly kind: 'none' };

/**
 * After both panes reported, asks each one how many frames it drew during the *other* pane's run
 * (from its start to its end, on the shared clock). A pane with a main thread of its own keeps
 * drawing while the other is frozen; one that shares the frozen thread draws nothing. That answer,
 * not the address the panes were served from, is what the summary says about their threads.
 */
export function useThreadEvidence(
  reports: Reports,
  places: Readonly<Record<Pane, Place>>,
  post: (pane: Pane, command: PaneCommand) => void,
) {
  const [answers, setAnswers] = useState<{ runId: number; frames: Partial<Record<Pane, number>>; late: boolean }>({
    runId: 0,
    frames: {},
    late: false,
  });
  const { runId, left, right } = reports;

  useEffect(() => {
    if (!left || !right) return;
    const results = { left, right };
    for (const [pane, other] of [
      ['left', 'right'],
      ['right', 'left'],
    ] as const) {
      const r = results[other];
      post(pane, { type: 'count-frames', pane, runId, fromMs: r.startedAt, toMs: r.startedAt + r.wallMs });
    }
    const giveUp = () => setAnswers((a) => ({ runId, frames: a.runId === runId ? a.frames : {}, late: true }));
    const timer = setTimeout(giveUp, ANSWER_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [runId, left, right, post]);

  const take = useCallback((answer: PaneFrames) => {
    setAnswers((a) => {
      if (answer.runId !== a.runId) {
        return answer.runId > a.runId
          ? { runId: answer.runId, frames: { [answer.pane]: answer.frames }, late: false }
          : a;
      }
      return { ...a, frames: { ...a.frames, [answer.pane]: answer.frames } };
    });
  }, []);

  let state: EvidenceState = { kind: 'waiting' };
  const mine = answers.runId === runId ? answers : null;
  const l = mine?.frames.left;
  const r = mine?.frames.right;
  if (l !== undefined && r !== undefined) {
    const keepsThreadFree = {
      left: PLACE_INFO[places.left].keepsPageResponsive,
      right: PLACE_INFO[places.right].keepsPageResponsive,
    };
    state = { kind: 'ready', evidence: { drawnDuringOther: { left: l, right: r }, keepsThreadFree } };
  } else if (mine?.late) state = { kind: 'none' };

  return { state, take };
}
