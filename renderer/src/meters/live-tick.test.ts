import { describe, expect, it } from 'vitest';
import type { FrameListener } from './frame-meter';
import { LIVE_TICK_FRAMES, LiveTick } from './live-tick';

/** A frame source driven by hand that counts its frames as the frame meter does: no clock needed. */
function source() {
  let listener: FrameListener | null = null;
  let index = 0;
  let tickFrames = LIVE_TICK_FRAMES;
  return {
    get isTickFrame() {
      return index % tickFrames === 0;
    },
    setTickFrames(frames: number) {
      tickFrames = frames;
    },
    subscribeFrames(l: FrameListener) {
      listener = l;
      return () => (listener = null);
    },
    frame: (t: number) => {
      index += 1;
      listener?.(t, 16.7);
    },
    get subscribed() {
      return listener !== null;
    },
  };
}

describe('LiveTick', () => {
  it('calls every subscriber on the same frames, every LIVE_TICK_FRAMES frames', () => {
    const frames = source();
    const tick = new LiveTick(frames);
    const a: number[] = [];
    const b: number[] = [];
    tick.subscribe((t) => a.push(t));
    tick.subscribe((t) => b.push(t));
    for (let i = 1; i <= 3 * LIVE_TICK_FRAMES; i++) frames.frame(i);
    expect(a).toEqual([LIVE_TICK_FRAMES, 2 * LIVE_TICK_FRAMES, 3 * LIVE_TICK_FRAMES]);
    expect(b).toEqual(a);
  });

  it('leaves the frame source once nobody listens', () => {
    const frames = source();
    const tick = new LiveTick(frames);
    const stop = tick.subscribe(() => {});
    expect(frames.subscribed).toBe(true);
    stop();
    expect(frames.subscribed).toBe(false);
  });

  it('slows its source to one tick in `every` until restored, for every subscriber alike', () => {
    const frames = source();
    const tick = new LiveTick(frames);
    const a: number[] = [];
    const b: number[] = [];
    tick.subscribe((t) => a.push(t));
    tick.subscribe((t) => b.push(t));
    const restore = tick.slowDown(2);
    for (let i = 1; i <= 4 * LIVE_TICK_FRAMES; i++) frames.frame(i);
    expect(a).toEqual([2 * LIVE_TICK_FRAMES, 4 * LIVE_TICK_FRAMES]);
    expect(b).toEqual(a);
    restore();
    for (let i = 4 * LIVE_TICK_FRAMES + 1; i <= 6 * LIVE_TICK_FRAMES; i++) frames.frame(i);
    expect(a).toEqual([2, 4, 5, 6].map((n) => n * LIVE_TICK_FRAMES));
  });
});
