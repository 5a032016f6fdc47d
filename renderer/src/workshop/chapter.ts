import type { ComponentType } from 'react';

/**
 * The contract between the workshop and the demos it presents. Each area (downloads, lab, …)
 * lists its chapters; the workshop shows the explanation, the real source, a Run button and
 * expected-vs-measured, and drives the demo through tokens so Space / Esc work from anywhere.
 */
export interface ChapterOutcome {
  /** One sentence with the measured figure, e.g. "Both files were done after 3.02 s." */
  readonly measured: string;
  /** Whether the measurement matches the expectation within the demo's tolerance. */
  readonly asExpected: boolean;
  /** The numbers behind the sentence, for exports (seconds, counts, …). Keys name the unit. */
  readonly figures: Readonly<Record<string, number>>;
}

export interface ChapterDemoProps {
  /** Increments each time the presenter asks for a run (button or Space). 0 = not yet. */
  readonly runToken: number;
  /** Increments each time the presenter cancels (Esc). */
  readonly cancelToken: number;
  /** Large type and fewer controls. */
  readonly presenter: boolean;
  readonly dark: boolean;
  /** Called when a run ends (or fails — then asExpected is false and measured says why). */
  onOutcome(outcome: ChapterOutcome): void;
  /** Lets the workshop show Run vs Cancel and ignore Space while a run is under way. */
  onRunningChange(running: boolean): void;
}

export interface ChapterSource {
  /** Repository path, shown above the code. */
  readonly path: string;
  /** The file's real text, imported with Vite's `?raw`, so what is shown is what runs. */
  readonly code: string;
  /** Optional 1-based line range to show; the whole file otherwise. */
  readonly lines?: readonly [number, number];
}

/**
 * The rows of the tutorial-to-demo table in DESIGN.md, in the tutorial's order ('freeze' is the
 * app's own opening chapter). The workshop shows chapters in this order.
 */
export const TUTORIAL_STEPS = [
  'freeze',
  'start-join',
  'worker-state',
  'lock',
  'deadlock',
  'event',
  'thread-local',
  'cpu-bound',
  'asyncio',
  'when-not',
] as const;
export type TutorialStep = (typeof TUTORIAL_STEPS)[number];

export interface Chapter {
  /** Stable, for deep links: `?screen=workshop&chapter=<id>`. */
  readonly id: string;
  /**
   * Which row of the tutorial table this chapter shows. Optional: without it the workshop
   * places the chapter by the words of its concept, id and title (see chapter-order.ts).
   */
  readonly tutorialStep?: TutorialStep;
  /** The tutorial concept, e.g. "Start and join". */
  readonly concept: string;
  readonly title: string;
  /** A few short paragraphs in the app's own words. */
  readonly explanation: readonly string[];
  /** What the tutorial says should happen, e.g. "≈ 5 s sequential, ≈ 3 s concurrent". */
  readonly expected: string;
  readonly sources: readonly ChapterSource[];
  readonly Demo: ComponentType<ChapterDemoProps>;
}
