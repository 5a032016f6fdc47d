import { describe, expect, it } from 'vitest';
import { frameSlices } from './frame-slices';

const VSYNC = 16;

interface PageModel {
  /** What drawing one frame takes, from the yield to its commit. */
  readonly drawMs: number;
  /** How long before the next vsync a frame's deadline passes: no new frame is sent for it after that. */
  readonly deadlineMs: number;
  /**
   * Input about (the default): the compositor's tasks go first, so a frame sent the moment a stale
   * one commits is drawn in the same yield. Without input the continuation goes first and that
   * frame waits for the next yield.
   */
  readonly input?: boolean;
  /** Every other frame takes this much longer, the others this much less. */
  readonly jitterMs?: number;
}

/**
 * A fake page that hands out frames as Chromium does: a frame is wanted every vsync (the frame
 * meter's loop); one is sent at the first vsync after the previous one was committed and waits,
 * stamped with that vsync, until the page yields; when a frame that was sent for an earlier vsync
 * ("stale") commits before the current vsync's deadline, the frame for the current vsync is sent
 * at once, and with input about it is drawn before the continuation.
 */
function fakePage(model: PageModel) {
  const page = { t: 0, frames: 0, drawnPerYield: [] as number[], stamps: [] as number[] };
  let callback: ((frameStart: number) => void) | null = null;
  /** The vsync the waiting frame was sent at; the first frame waits from t = 0. */
  let sentAt = 0;
  const vsyncOf = (t: number) => Math.floor(t / VSYNC) * VSYNC;
  const policy = frameSlices({
    now: () => page.t,
    frameMs: VSYNC,
    requestFrame: (cb) => (callback = cb),
    macrotask: async () => {
      let drawn = 0;
      for (let pending = sentAt <= page.t; pending;) {
        const stamp = sentAt;
        const cb = callback;
        callback = null;
        cb?.(stamp);
        page.stamps.push(stamp);
        page.t += model.drawMs + (page.stamps.length % 2 === 0 ? 1 : -1) * (model.jitterMs ?? 0);
        drawn++;
        const current = vsyncOf(page.t);
        const beforeDeadline = page.t < current + VSYNC - model.deadlineMs;
        // A stale frame committed before the current vsync's deadline: the current one is sent at once.
        const sentNow = stamp < current && beforeDeadline;
        sentAt = sentNow ? current : current + VSYNC;
        pending = sentNow && model.input !== false;
      }
      page.frames += drawn;
      page.drawnPerYield.push(drawn);
    },
  });
  return { page, policy };
}

async function runSlices(model: PageModel, slices: number) {
  const { page, policy } = fakePage(model);
  const ends: number[] = [];
  for (let i = 0; i < slices; i++) {
    page.t = Math.max(page.t, policy.sliceEnd(page.t));
    ends.push(page.t);
    await policy.yieldToLoop();
  }
  return { ends, drawnPerYield: page.drawnPerYield, stamps: page.stamps };
}

const steps = (ends: readonly number[]) => ends.slice(1).map((t, i) => t - (ends[i] ?? 0));

describe('frameSlices', () => {
  it('slices to one frame while drawing is nearly free', async () => {
    const { ends } = await runSlices({ drawMs: 0.5, deadlineMs: 3 }, 30);
    expect(steps(ends.slice(-5))).toEqual([16, 16, 16, 16]);
  });

  it('slices to two frames when drawing every frame would cost more than a twentieth of the run', async () => {
    const { ends } = await runSlices({ drawMs: 2, deadlineMs: 3 }, 40);
    expect(steps(ends.slice(-6))).toEqual([32, 32, 32, 32, 32]);
  });

  it.each([
    // Drawing takes long: yields that end 4 ms before a vsync commit past it, and learn to end earlier.
    ['earlier', { drawMs: 6, deadlineMs: 3 }],
    // The deadline is close to the vsync: yields that end 4 ms before it commit too soon, and learn to end later.
    ['later', { drawMs: 1.5, deadlineMs: 1 }],
  ])('learns to yield %s, so each two-frame slice draws one frame, not two', async (_, model) => {
    const { ends, drawnPerYield } = await runSlices(model, 60);
    // At first some yields draw two frames; once the lead is learnt, every one draws one.
    expect(drawnPerYield.slice(0, 20).some((n) => n > 1)).toBe(true);
    expect(drawnPerYield.slice(-15)).toEqual(Array.from({ length: 15 }, () => 1));
    expect(steps(ends.slice(-6))).toEqual([32, 32, 32, 32, 32]);
  });

  it('without input, learns to yield past the deadline, so frames come two vsyncs apart, not one and three', async () => {
    // Commits 2.5 ± 0.6 ms before the vsync, around a 2.5 ms deadline: the frame after is sent now
    // at once, now at the next vsync. Each yield draws one frame either way.
    const model = { drawMs: 1.5, jitterMs: 0.6, deadlineMs: 2.5, input: false };
    const { stamps, drawnPerYield } = await runSlices(model, 60);
    expect(drawnPerYield.every((n) => n <= 1)).toBe(true);
    expect(steps(stamps.slice(0, 25)).some((gap) => gap !== 32)).toBe(true);
    expect(steps(stamps.slice(-15))).toEqual(Array.from({ length: 14 }, () => 32));
  });

  it('falls back to a plain slice when no frame comes (a hidden tab)', () => {
    const policy = frameSlices({ now: () => 0, frameMs: 16, requestFrame: () => {}, macrotask: async () => {} });
    const end = policy.sliceEnd(1000);
    expect(end).toBeGreaterThan(1000);
    expect(end).toBeLessThanOrEqual(1032);
  });
});
