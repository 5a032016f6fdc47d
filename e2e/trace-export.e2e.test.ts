import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  findThread,
  longestFrameGapMs,
  slicesOf,
  uncoveredMs,
  validateTrace,
  type TraceEventLike,
} from '../shared/trace/validate-trace';
import { choosePlace, openPlayground, waitForRunEnd } from './support/playground-page';
import { webEditionSuite } from './support/web-edition-suite';

/**
 * After a run, "Export trace" downloads a Chrome trace that passes the validator and says what
 * the run did: on the page's main thread its longest frame gap is the meter's worst gap (within a
 * frame); in Web Workers the workers' jobs cover the run, inside the page's own start and end of
 * it (one clock in the page and its workers), and the page kept drawing frames.
 */
const suite = webEditionSuite();
const FRAME_MS = 1000 / 60;

async function runAndExport(page: Page, place: RegExp) {
  await choosePlace(page, place);
  await page.getByRole('button', { name: 'Start' }).click();
  const figures = await waitForRunEnd(page);
  const button = page.getByRole('button', { name: 'Export trace' });
  await button.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  const data: unknown = JSON.parse(await readFile(path, 'utf8'));
  const checked = validateTrace(data);
  if (!checked.ok) throw new Error(`The exported trace is invalid:\n${checked.problems.join('\n')}`);
  const events = checked.events;
  const [run] = slicesOf(events, 'run').slice(-1);
  if (!run) throw new Error('The trace has no run slice');
  const pageThread = findThread(events, 'Page (renderer)', 'Main thread');
  if (!pageThread) throw new Error('The trace names no page main thread');
  return { figures, name: download.suggestedFilename(), events, run, pageThread };
}

const endOf = (e: TraceEventLike) => e.ts + (e.dur ?? 0);

describe('Export trace', () => {
  it('after a renderer-main run: the trace’s longest frame gap is the run’s worst gap, within a frame', async () => {
    const { page, errors } = await openPlayground(suite.browser, suite.url, '?workload=mandelbrot&size=1s');
    const { figures, name, events, run, pageThread } = await runAndExport(page, /Page main thread/);
    expect(name).toMatch(/^unfreeze-trace-renderer-main-\d{8}-\d{6}\.json$/);
    expect(figures.phase).toBe('done');
    expect(run.args?.place).toBe('renderer-main');
    const gap = longestFrameGapMs(events, pageThread, run.ts, endOf(run));
    expect(gap).toBeGreaterThan((0.5 * (run.dur ?? 0)) / 1000);
    expect(Math.abs(gap - figures.worstGapMs)).toBeLessThanOrEqual(FRAME_MS);
    expect(run.args?.worst_gap_ms).toBeCloseTo(figures.worstGapMs, 0);
    // Chromium reported the freeze as long animation frames, with the script that held the thread.
    const longFrames = slicesOf(events, 'loaf').filter((l) => endOf(l) >= run.ts && l.ts <= endOf(run));
    expect(longFrames.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('after a web-worker run: the jobs cover the run, on the page’s clock, and the page kept drawing', async () => {
    const { page, errors } = await openPlayground(suite.browser, suite.url, '?workload=mandelbrot&size=1s');
    // A first run boots the pool: booting is not what the second run's trace is about.
    await choosePlace(page, /Web Workers/);
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForRunEnd(page);
    const { figures, name, events, run, pageThread } = await runAndExport(page, /Web Workers/);
    expect(name).toMatch(/^unfreeze-trace-web-worker-\d{8}-\d{6}\.json$/);
    expect(figures.phase).toBe('done');
    const jobs = slicesOf(events, 'job').filter((j) => j.ts >= run.ts - 1000 && j.ts <= endOf(run));
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    // One clock: every job a worker reports lies inside the page's own start..end of the run (1 ms rounding).
    for (const j of jobs) {
      expect(j.ts).toBeGreaterThanOrEqual(run.ts - 1000);
      expect(endOf(j)).toBeLessThanOrEqual(endOf(run) + 1000);
    }
    // The workers were busy for the whole run: what their jobs leave uncovered is the hand-over at each end.
    const runMs = (run.dur ?? 0) / 1000;
    expect(uncoveredMs(jobs, run.ts, endOf(run))).toBeLessThan(Math.max(50, 0.1 * runMs));
    // The page kept drawing: under 50 ms between frames on a quiet machine. On a loaded one (this
    // suite runs beside others on 2 cores) Chromium itself skips frames, so the margin is a quarter
    // of the run, still far from the main-thread run's hole over most of it; and whatever the gap,
    // the trace and the frame meter agree on it.
    const gap = longestFrameGapMs(events, pageThread, run.ts, endOf(run));
    expect(gap).toBeLessThan(Math.max(50, 0.25 * runMs));
    expect(Math.abs(gap - figures.worstGapMs)).toBeLessThanOrEqual(FRAME_MS);
    // Messages back from the workers are flows that end on the page's thread.
    const ends = events.filter((e) => e.ph === 'f' && e.pid === pageThread.pid && e.tid === pageThread.tid);
    expect(ends.length).toBeGreaterThan(jobs.length);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
