import { describe, expect, it } from 'vitest';
import { compareRecords } from './compare-record';
import { cardRuns, resultCard } from './result-card';
import { SAMPLE_RUNS, sampleRun } from './sample-runs';
import type { PaneResult } from '../compare/compare-protocol';

const pane = (worstGapMs: number): PaneResult => ({
  status: 'done',
  startedAt: 1,
  wallMs: 1000,
  worstGapMs,
  framesOver50: worstGapMs > 50 ? 1 : 0,
  inputDelayP95Ms: null,
  mainStallMs: null,
});

describe('resultCard', () => {
  it('shows one run: its title and size, the headline, the sentence and the key figures in words', () => {
    const card = resultCard([sampleRun()], 'web');
    expect(card.title).toBe('Playground: Mandelbrot on Page main thread, sized ≈3 s');
    expect(card.footer).toBe('Unfreeze · web edition · 2026-01-31 10:20 UTC');
    expect(card.panels).toEqual([
      {
        label: '',
        headline: { text: 'Frozen 2.80 s', good: false },
        sentence: 'The page was frozen for 2.80 s (worst frame gap) during a 2.81 s run.',
        figures: [
          { label: 'Wall time', value: '2.81 s' },
          { label: 'Worst frame gap', value: '2.80 s' },
          { label: 'Frames over 50 ms', value: '1' },
          { label: 'Input delay p95', value: '0 ms' },
        ],
      },
    ]);
  });

  it('shows both panes of a Compare run side by side, named by place', () => {
    const pair = compareRecords({
      places: { left: 'renderer-main', right: 'web-worker' },
      workload: 'mandelbrot',
      sizeSeconds: 1,
      results: { left: pane(1165), right: pane(17) },
      at: '2026-01-31T10:30:00.000Z',
    });
    const runs = cardRuns([...SAMPLE_RUNS, ...pair]);
    expect(runs).toEqual(pair);
    const card = resultCard(runs, 'desktop');
    expect(card.title).toBe('Compare: Mandelbrot, sized ≈1 s');
    expect(card.panels.map((p) => [p.label, p.headline.text])).toEqual([
      ['Page main thread', 'Frozen 1.17 s'],
      ['Web Workers', 'Worst gap 17 ms'],
    ]);
  });

  it('picks the newest run otherwise, and nothing from an empty session', () => {
    expect(cardRuns(SAMPLE_RUNS)).toEqual([SAMPLE_RUNS[2]]);
    expect(cardRuns([])).toEqual([]);
  });
});
