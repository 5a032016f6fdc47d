import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

/**
 * What each way of giving the page's thread back costs, measured in the Playground page itself
 * (so its rendering is the real one): ~1 s of busy work in slices, yielding by
 *   macrotask       — a MessageChannel post to ourselves (renderer/src/run/thread-hooks.ts);
 *   scheduler.yield — Chromium's prioritised continuation;
 *   1 ms past the stamp — slices end 1 ms past a frame boundary taken from the latest frame's
 *                     stamp, two frames each, then a macrotask (the page's policy until round 5);
 *   frameSlices     — the page's own policy (renderer/src/run/frame-slices.ts, bundled for this page):
 *                     two-frame slices ending a learnt lead before a vsync.
 * Overhead is wall time over work time; a frame is a requestAnimationFrame callback, that is, one
 * BeginMainFrame the page drew (so "frames" counts what the run paid for, not distinct vsyncs).
 * The rows "with clicks" click every 100 ms meanwhile, as the renderer table does: with input about
 * the compositor's tasks run first, and a badly placed yield draws two frames (see frame-slices.ts).
 *
 * Measured at load 8 (2 cores shared, so wall times are loose; frame counts hold): 10 ms macrotask
 * slices 1.20–1.24×, 61–74 frames; scheduler.yield() 1.08–1.16× but 9 frames and 133 ms gaps
 * without input; 1 ms past 2 stamps 1.17×, 70 frames (65–78 with clicks); frameSlices 1.10×,
 * 34 frames (49–55 with clicks, 1.11–1.19×). A MessageChannel turn itself costs 0.05–0.3 ms:
 * what a yield costs is the frames it lets in, 2–3 ms each in the Playground.
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
  const policy = kind === 'policy'
    ? globalThis.__unfreezeFrameSlices.frameSlices({
        now: () => performance.now(),
        requestFrame: (cb) => requestAnimationFrame(cb),
        macrotask: () => mc(),
      })
    : null;
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
    const end = policy ? policy.sliceEnd(s) : kind === 'frame' ? (due > s + 1 ? due : s + frames * 16.7) : s + sliceMs;
    while (performance.now() < end) {}
    work += performance.now() - s;
    yields++;
    await (policy ? policy.yieldToLoop() : kind === 'scheduler' ? sy() : mc());
  }
  const wall = performance.now() - started;
  live = false;
  return { overhead: wall / work, perYieldMs: (wall - work) / yields, frames: count, worstGapMs: worst };
}`;

/** The page's slice policy as a script for page.evaluate: `globalThis.__unfreezeFrameSlices.frameSlices`. */
async function policyScript(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, '../../renderer/src/run/frame-slices.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__unfreezeFrameSlices',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const text = out.outputFiles[0]?.text;
  if (!text) throw new Error('esbuild produced no frame-slices bundle');
  // A var at the top of an evaluated script is the page's global.
  return text.replace(/^var __unfreezeFrameSlices/m, 'globalThis.__unfreezeFrameSlices');
}

export async function runYieldBench(page: Page): Promise<YieldRow[]> {
  await page.evaluate(await policyScript());
  const policy = '2 frames, a learnt lead before a vsync';
  const cases: { kind: string; label: string; sliceMs: number; frames: number; slice: string; clicks?: boolean }[] = [
    { kind: 'macrotask', label: 'macrotask', sliceMs: 10, frames: 0, slice: '10' },
    { kind: 'scheduler', label: 'scheduler.yield()', sliceMs: 10, frames: 0, slice: '10' },
    { kind: 'frame', label: '1 ms past the stamp', sliceMs: 0, frames: 1, slice: 'to 1 ms past the frame' },
    { kind: 'frame', label: '1 ms past the stamp', sliceMs: 0, frames: 2, slice: 'to 1 ms past 2 frames' },
    { kind: 'policy', label: 'frameSlices (the page’s)', sliceMs: 0, frames: 2, slice: policy },
    {
      kind: 'frame',
      label: '1 ms past the stamp, with clicks',
      sliceMs: 0,
      frames: 2,
      slice: 'to 1 ms past 2 frames',
      clicks: true,
    },
    {
      kind: 'policy',
      label: 'frameSlices (the page’s), with clicks',
      sliceMs: 0,
      frames: 2,
      slice: policy,
      clicks: true,
    },
  ];
  const rows: YieldRow[] = [];
  for (const c of cases) {
    const clicking = { on: c.clicks === true };
    // Bare mouse clicks on the page's corner, every 100 ms, as the renderer table's runs get.
    const clicks = (async () => {
      while (clicking.on) {
        await page.mouse.click(5, 5);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const r = await page.evaluate(`(${PROBE})(${JSON.stringify(c.kind)}, ${c.sliceMs}, ${c.frames})`);
    clicking.on = false;
    await clicks;
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
