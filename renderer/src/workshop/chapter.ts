import type { ComponentType } from 'react';

/**
 * The contract between the workshop and the demos it presents. Each area (downloads, lab, …)
 * lists its chapters; the workshop shows the explanation, the real source, a Run button and
 * expected-vs-measured. A demo hands the workshop its `run` and `cancel` (a `ChapterRun`), so the
 * button, Space and Esc reach it from anywhere on the page.
 */
export interface ChapterOutcome {
  /** One sentence with the measured figure, e.g. "Both files were done after 3.02 s." */
  readonly measured: string;
  /** Whether the measurement matches the expectation within the demo's tolerance. */
  readonly asExpected: boolean;
  /** The numbers behind the sentence, for exports (seconds, counts, …). Keys name the unit. */
  readonly figures: Readonly<Record<string, number>>;
}

/** What a demo can be asked to do. The workshop never asks for a second run while one is under way. */
export interface ChapterRun {
  /**
   * Runs the demo once and resolves with what it measured. A run that cannot measure resolves
   * with `asExpected: false` and a sentence that says why; one that throws is reported the same way.
   */
  run(): Promise<ChapterOutcome>;
  /** Stops the run under way, if any; its `run()` then resolves early. */
  cancel(): void;
}

export interface ChapterDemoProps {
  /**
   * The demo calls this once, when it is shown, with its run and cancel; the returned function
   * takes them back when it goes (a React effect's cleanup). `useChapterHandle` does both.
   */
  readonly register: (demo: ChapterRun) => () => void;
  /** Large type and fewer controls. */
  readonly presenter: boolean;
  readonly dark: boolean;
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
 * The rows of the tutorial's concept table (ARCHITECTURE.md, "The tutorial"), in the tutorial's order ('freeze' is
 * the app's own opening chapter). The workshop shows chapters in this order.
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
  /** Which row of the tutorial table this chapter shows: the workshop orders chapters by it. */
  readonly tutorialStep: TutorialStep;
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
