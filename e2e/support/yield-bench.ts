import type { Page } from 'playwright-core';

/**
 * What each way of giving the page's thread back costs, measured in the Playground page itself
 * (so its rendering is the real one): ~1 s of busy work in slices, yielding by
 *   macrotask       — a MessageChannel post to ourselves (renderer/src/run/thread-hooks.ts);
 *   scheduler.yield — Chromium's prioritised continuation;
 *   frame-aligned   — the frame-aware policy: work until the frame's budget is spent, then a
 *                     macrotask (renderer/src/run/frame-slices.ts), here at 1 and 2 frames.
 * Overhead is wall time over work time; a frame is a requestAnimationFrame callback.
 */
export interface YieldRow {
  readonly kind: string;
  readonly sliceMs: string;
  readonly overhead: number;
  /** (wall − work) / yields: what one turn of the loop costs, rendering included. */
  readonly perYieldMs: number;
  readonly frames: number;
  readonly worstGapMs: number;
}

// A string, not a function: tsx would rewrite a named function's source inside page.evaluate.
const PROBE = `
async (kind, sliceMs, frames) => {
  const mc = () => new Promise((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => { c.port1.close(); resolve(); };
    c.port2.postMessage(null);
  });
  const sy = () => globalThis.scheduler && scheduler.yield ? scheduler.yield() : mc();
  let last = performance.now(), worst = 0, count = 0, lastFrame = last, live = true;
  const tick = (t) => { worst = Math.max(worst, t - last); last = t; lastFrame = t; count++; if (live) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  await new Promise((r) => setTimeout(r, 100));
  worst = 0; count = 0;
  const started = performance.now();
  let work = 0, yields = 0;
  while (work < 1000) {
    const s = performance.now();
    const due = lastFrame + frames * 16.7 + 1;
    const end = kind === 'frame' ? (due > s + 1 ? due : s + frames * 16.7) : s + sliceMs;
    while (performance.now() < end) {}
    work += performance.now() - s;
    yields++;
    await (kind === 'scheduler' ? sy() : mc());
  }
  const wall = performance.now() - started;
  live = false;
  return { overhead: wall / work, perYieldMs: (wall - work) / yields, frames: count, worstGapMs: worst };
}`;

export async function runYieldBench(page: Page): Promise<YieldRow[]> {
  const cases = [
    { kind: 'macrotask', label: 'macrotask', sliceMs: 10, frames: 0, slice: '10' },
    { kind: 'scheduler', label: 'scheduler.yield()', sliceMs: 10, frames: 0, slice: '10' },
    { kind: 'frame', label: 'frame-aligned', sliceMs: 0, frames: 1, slice: 'to 1 ms past the frame' },
    { kind: 'frame', label: 'frame-aligned', sliceMs: 0, frames: 2, slice: 'to 1 ms past 2 frames' },
  ];
  const rows: YieldRow[] = [];
  for (const c of cases) {
    const r = await page.evaluate(`(${PROBE})(${JSON.stringify(c.kind)}, ${c.sliceMs}, ${c.frames})`);
    const m = r as Omit<YieldRow, 'kind' | 'sliceMs'>;
    rows.push({ kind: c.label, sliceMs: c.slice, ...m });
  }
  return rows;
}

export function printYieldTable(rows: readonly YieldRow[]): void {
  console.log('\nGiving the page’s thread back: ~1 s of work in slices (in the Playground page)\n');
  console.log('| yield | slice (ms) | wall ÷ work | per yield | frames | worst gap |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.kind} | ${r.sliceMs} | ${r.overhead.toFixed(2)}× | ${r.perYieldMs.toFixed(2)} ms | ${r.frames} | ` +
        `${r.worstGapMs.toFixed(0)} ms |`,
    );
  console.log('');
}
