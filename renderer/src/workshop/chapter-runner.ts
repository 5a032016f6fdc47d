import { messageOf } from '../../../shared/errors/message-of';
import type { ChapterOutcome, ChapterRun } from './chapter';

/** A run that threw, as an outcome that says why: a failed demo is reported, never silent. */
export function failedOutcome(error: unknown): ChapterOutcome {
  return { measured: `The demo failed: ${messageOf(error)}`, asExpected: false, figures: {} };
}

/**
 * The workshop's side of the run/cancel contract. The demo shown registers its `ChapterRun`; Run
 * (button or Space) starts it unless a run is under way, Cancel (Esc) stops the run under way.
 * Plain TypeScript, no React: `useChapterRunner` keeps one for the screen.
 */
export class ChapterRunner {
  /** The demo shown now, if it has registered. */
  private shown: ChapterRun | null = null;
  /** The demo whose run is under way; it may have gone (screen left) before its run ends. */
  private active: ChapterRun | null = null;

  constructor(private readonly onRunningChange: (running: boolean) => void) {}

  get running(): boolean {
    return this.active !== null;
  }

  /** For `ChapterDemoProps.register`; the returned function unregisters that demo only. */
  readonly register = (demo: ChapterRun): (() => void) => {
    this.shown = demo;
    return () => {
      // A newer demo may already have registered (a chapter change mounts the new before React
      // runs every cleanup of the old): only the demo itself is taken back.
      if (this.shown === demo) this.shown = null;
    };
  };

  /** Starts the shown demo; resolves with its outcome. Null, and nothing starts, when busy or no demo is shown. */
  run(): Promise<ChapterOutcome> | null {
    const demo = this.shown;
    if (demo === null || this.active !== null) return null;
    this.active = demo;
    this.onRunningChange(true);
    return this.settle(demo);
  }

  /** Stops the run under way, if any. */
  cancel(): void {
    this.active?.cancel();
  }

  private async settle(demo: ChapterRun): Promise<ChapterOutcome> {
    let outcome: ChapterOutcome;
    try {
      outcome = await demo.run();
    } catch (error) {
      outcome = failedOutcome(error);
    }
    this.active = null;
    this.onRunningChange(false);
    return outcome;
  }
}
