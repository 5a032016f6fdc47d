import { describe, expect, it } from 'vitest';
import { frameSlices } from './frame-slices';

/** A fake page: a clock, frames due every 16 ms, and a turn of the loop that draws a due frame in `drawMs`. */
function fakePage(drawMs: number) {
  const page = { t: 0, frames: 0 };
  let pending: ((frameStart: number) => void) | null = null;
  const policy = frameSlices({
    now: () => page.t,
    frameMs: 16,
    requestFrame: (callback) => (pending = callback),
    macrotask: async () => {
      const due = Math.floor(page.t / 16) * 16;
      if (pending && due > 0 && page.frames < due / 16) {
        const callback = pending;
        pending = null;
        page.frames = due / 16;
        callback(due);
        page.t += drawMs;
      }
    },
  });
  return { page, policy };
}

async function sliceGaps(drawMs: number, slices: number): Promise<number[]> {
  const { page, policy } = fakePage(drawMs);
  const ends: number[] = [];
  for (let i = 0; i < slices; i++) {
    page.t = Math.max(page.t, policy.sliceEnd(page.t));
    ends.push(page.t);
    await policy.yieldToLoop();
  }
  return ends;
}

describe('frameSlices', () => {
  it('ends each slice just after a frame falls due, so the yield finds it waiting', async () => {
    const ends = await sliceGaps(0.5, 20);
    // Drawing is cheap (0.5 ms of a 16 ms frame): once that is learnt, one slice per frame, each
    // ending 1 ms past a frame boundary.
    const tail = ends.slice(-4);
    expect(tail.map((t) => t % 16)).toEqual([1, 1, 1, 1]);
    expect(tail.slice(1).map((t, i) => t - (tail[i] ?? 0))).toEqual([16, 16, 16]);
  });

  it('grows slices to two frames when drawing every frame would cost more than a twentieth of the run', async () => {
    const ends = await sliceGaps(2, 12);
    const steps = ends.slice(7).map((t, i) => t - (ends[i + 6] ?? 0));
    expect(steps).toEqual([32, 32, 32, 32, 32]);
  });

  it('falls back to a plain slice when no frame comes (a hidden tab)', () => {
    const policy = frameSlices({ now: () => 0, frameMs: 16, requestFrame: () => {}, macrotask: async () => {} });
    const end = policy.sliceEnd(1000);
    expect(end).toBeGreaterThan(1000);
    expect(end).toBeLessThanOrEqual(1032);
  });
});
