import { describe, expect, it } from 'vitest';
import { PixelRuns } from './pixel-runs';

function drained(runs: PixelRuns): [number, number][] {
  const out: [number, number][] = [];
  runs.drain((x, w) => out.push([x, w]));
  return out;
}

describe('PixelRuns', () => {
  it('joins bars that touch or are less than a pixel apart into one run', () => {
    const runs = new PixelRuns(100, 1100);
    // 270 chunks of 3.5 px with 0.1 px between them: a busy worker, zoomed out.
    for (let k = 0; k < 270; k++) runs.mark(100 + k * 3.6, 100 + k * 3.6 + 3.5);
    expect(drained(runs)).toEqual([[100, 972]]);
  });

  it('keeps a gap of a whole pixel, and covers every pixel a bar touches', () => {
    const runs = new PixelRuns(0, 100);
    runs.mark(10.2, 12.5); // pixels 10, 11, 12
    runs.mark(14, 15); // pixel 14: 13 stays empty
    runs.mark(40.4, 40.6); // a sliver is still one pixel
    expect(drained(runs)).toEqual([
      [10, 3],
      [14, 1],
      [40, 1],
    ]);
  });

  it('clamps to the plot and starts empty again after a drain', () => {
    const runs = new PixelRuns(50, 60);
    runs.mark(0, 55);
    runs.mark(58, 500); // up to the plot's right edge, 60
    expect(drained(runs)).toEqual([
      [50, 5],
      [58, 2],
    ]);
    expect(drained(runs)).toEqual([]);
    runs.mark(52, 53);
    expect(drained(runs)).toEqual([[52, 1]]);
  });
});
