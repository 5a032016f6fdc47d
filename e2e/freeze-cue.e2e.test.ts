import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FREEZE_CUE_DELAY_MS } from '../renderer/src/meters/freeze-cue-timing';
import { openPlayground, pressToggle, waitForRunEnd } from './support/playground-page';
import { colourShares, startScreencast, type ScreencastFrame } from './support/screencast';
import { webEditionSuite } from './support/web-edition-suite';

/**
 * The freeze cue is drawn by the compositor alone (renderer/src/meters/freeze-cue-timing.ts):
 * the page restarts its delayed fade-in on every frame, so it shows exactly when the page's
 * thread stops drawing. Proved with what Chromium's compositor really drew (screencast frames)
 * against when the page's thread really ran its animation frames: it covers the headline during
 * a run on the page's main thread, never at rest, and in Web Workers only if the page's thread
 * itself went that long without a frame (on an overloaded 2-core machine it can, and then the
 * cue is right to say so).
 */
const suite = webEditionSuite();

const VIEWPORT = { width: 1280, height: 720 };
/** The screencast is scaled to this width: plenty to see a panel, cheap to encode. */
const CAST_WIDTH = 640;
/** The cue's background in the light theme, Tailwind's rose-700 (#be123c). */
const CUE_RGB = [190, 18, 60] as const;
const TOLERANCE = 40;
/** When the cue shows, about 70% of the headline box is its colour; red headline text is about 11%. */
const SHOWN = 0.5;
interface Recorded {
  readonly idle: readonly ScreencastFrame[];
  readonly run: readonly ScreencastFrame[];
  readonly after: readonly ScreencastFrame[];
}

async function open(query: string, reducedMotion: 'reduce' | 'no-preference' = 'no-preference') {
  return openPlayground(suite.browser, suite.url, query, { viewport: VIEWPORT, reducedMotion });
}

/**
 * The longest the page's own thread went without presenting a frame in the last run, by its own
 * meter: the worst gap between animation frames, or the worst Long Animation Frame (a frame whose
 * rendering took that long, during which the compositor had nothing new either).
 */
async function worstStallMs(page: Page): Promise<number> {
  const gap = Number(await page.getByTestId('worst-gap').getAttribute('data-ms'));
  const loaf = Number((await page.getByTestId('long-frames').getAttribute('data-worst-ms')) ?? 0);
  return Math.max(gap, Number.isFinite(loaf) ? loaf : 0);
}

/** Screencasts a second at rest, one run from the click on Start to its end, and a second after. */
async function recordRun(page: Page): Promise<Recorded> {
  const cast = await startScreencast(page, CAST_WIDTH);
  await page.waitForTimeout(1_000);
  const clickedAt = Date.now();
  await page.getByRole('button', { name: 'Start' }).click();
  await waitForRunEnd(page);
  const endedAt = Date.now();
  await page.waitForTimeout(1_000);
  await cast.stop();
  const frames = cast.frames;
  return {
    idle: frames.filter((f) => f.receivedAt < clickedAt),
    run: frames.filter((f) => f.receivedAt >= clickedAt && f.receivedAt <= endedAt),
    // Frames from half a second after the end: the page is drawing again.
    after: frames.filter((f) => f.receivedAt > endedAt + 500),
  };
}

async function cueShares(page: Page, frames: readonly ScreencastFrame[]): Promise<number[]> {
  const box = await page.getByTestId('headline').boundingBox();
  if (box === null) throw new Error('The headline is not on screen');
  return colourShares(suite.browser, frames, box, VIEWPORT.width, CUE_RGB, TOLERANCE);
}

/** Below the cue's delay by this much, a stall cannot have shown it (the page's clock and the compositor's differ). */
const STALL_SLACK_MS = 50;

const list = (shares: readonly number[]) => shares.map((s) => s.toFixed(2)).join(' ');

describe('the freeze cue, as the compositor draws it (Chromium screencast)', () => {
  it('shows over the headline while a run blocks the page’s main thread, and only then', async () => {
    const { page, errors } = await open('?workload=mandelbrot&size=2s');
    await pressToggle(page, 'Main thread');
    const recorded = await recordRun(page);
    const frames = [...recorded.idle, ...recorded.run, ...recorded.after];
    const shares = await cueShares(page, frames);
    const [idle, run, after] = [
      shares.slice(0, recorded.idle.length),
      shares.slice(recorded.idle.length, recorded.idle.length + recorded.run.length),
      shares.slice(recorded.idle.length + recorded.run.length),
    ];
    // The compositor kept drawing during the freeze (the CSS spinner turns), and drew the cue.
    expect(run.length, 'frames drawn during the run').toBeGreaterThanOrEqual(5);
    expect(run.filter((share) => share > SHOWN).length, `during the run: ${list(run)}`).toBeGreaterThanOrEqual(3);
    expect(Math.max(0, ...idle), `at rest: ${list(idle)}`).toBeLessThan(SHOWN / 2);
    expect(after.length, 'frames after the run').toBeGreaterThan(0);
    expect(Math.max(0, ...after), `after the run: ${list(after)}`).toBeLessThan(SHOWN / 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not show while the same work runs in Web Workers (unless the machine starves the page)', async () => {
    const { page, errors } = await open('?workload=mandelbrot&size=2s');
    await pressToggle(page, 'Background');
    const recorded = await recordRun(page);
    const shares = await cueShares(page, [...recorded.idle, ...recorded.run, ...recorded.after]);
    const runShares = shares.slice(recorded.idle.length, recorded.idle.length + recorded.run.length);
    expect(recorded.run.length, 'frames drawn during the run').toBeGreaterThanOrEqual(10);
    const stall = await worstStallMs(page);
    if (stall < FREEZE_CUE_DELAY_MS - STALL_SLACK_MS) {
      // The page kept presenting frames, as it does with a core to spare: the cue never showed.
      expect(Math.max(0, ...shares), `worst stall ${Math.round(stall)} ms; ${list(shares)}`).toBeLessThan(SHOWN / 2);
    } else {
      // An overloaded machine (two cores for the workers, this browser and more) did stall the page,
      // and the cue was right to say so — but only in moments, never for the run, as on the main thread.
      console.warn(`The page itself stalled ${Math.round(stall)} ms during the Web Workers run (machine load)`);
      const shown = runShares.filter((s) => s > SHOWN).length;
      expect(shown, `worst stall ${Math.round(stall)} ms; ${list(runShares)}`).toBeLessThan(runShares.length / 3);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('still shows under prefers-reduced-motion, as a plain opacity step', async () => {
    const { page, errors } = await open('?workload=mandelbrot&size=1s', 'reduce');
    await pressToggle(page, 'Main thread');
    const recorded = await recordRun(page);
    const run = await cueShares(page, recorded.run);
    expect(run.filter((share) => share > SHOWN).length, list(run)).toBeGreaterThanOrEqual(1);
    // The cue's animation moves nothing: only opacity, stepped.
    const keyframes = await page
      .getByTestId('run-live')
      .getByTestId('freeze-cue')
      .evaluate((el) =>
        el.getAnimations().flatMap((a) => (a.effect instanceof KeyframeEffect ? a.effect.getKeyframes() : [])),
      );
    expect(keyframes.length).toBeGreaterThan(0);
    expect(keyframes.some((k) => 'transform' in k)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
