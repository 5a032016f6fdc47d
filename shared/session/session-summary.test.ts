import { describe, expect, it } from 'vitest';
import { SAMPLE_RUNS, sampleRun, sampleSession } from './sample-runs';
import { SUMMARY_MAX_LINES, summaryText } from './session-summary';

describe('summaryText', () => {
  it('gives a heading and one line per run, the headline for a live run and the sentence for a chapter', () => {
    const lines = summaryText(sampleSession(SAMPLE_RUNS)).split('\n');
    expect(lines).toEqual([
      'Unfreeze — 3 runs measured, 3 as expected (web edition, 2026-01-31 10:23 UTC)',
      '✓ Playground: Mandelbrot on Page main thread: Frozen 2.80 s',
      '✓ Playground: Mandelbrot on Web Workers: Worst gap 17 ms',
      '✓ The freeze, "really": Main thread: froze for 0.98 s, then | recovered at once',
    ]);
  });

  it('stays within five lines however long the session, counting what it leaves out', () => {
    const runs = Array.from({ length: 12 }, (_, i) =>
      sampleRun({ title: `Run ${i + 1}`, asExpected: i % 2 === 0, measured: 'a\nb' }),
    );
    const lines = summaryText(sampleSession(runs)).split('\n');
    expect(lines).toHaveLength(SUMMARY_MAX_LINES);
    expect(lines[0]).toBe('Unfreeze — 12 runs measured, 6 as expected (web edition, 2026-01-31 10:23 UTC)');
    expect(lines[1]).toBe('… 9 earlier runs (all are in the CSV and JSON)');
    expect(lines.slice(2).map((l) => l.split(':')[0])).toEqual(['✗ Run 10', '✓ Run 11', '✗ Run 12']);
    // Four runs still fit whole.
    expect(summaryText(sampleSession(runs.slice(0, 4))).split('\n')).toHaveLength(5);
  });

  it('says when nothing was measured', () => {
    expect(summaryText(sampleSession([]))).toBe('Unfreeze: nothing measured yet.');
  });
});
