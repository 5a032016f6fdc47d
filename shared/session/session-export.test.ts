import { describe, expect, it } from 'vitest';
import { recordedRunSchema } from './recorded-run';
import { FROZEN_RUN, SAMPLE_RUNS, sampleSession } from './sample-runs';
import { exportFileName, toJson } from './session-export';

describe('toJson', () => {
  it('round-trips every run, its figures and its attachments', () => {
    const withTrace = {
      ...FROZEN_RUN,
      attachments: [{ kind: 'frame-trace', label: 'Frames', data: [16.7, 2801] }],
    };
    const session = sampleSession([withTrace, ...SAMPLE_RUNS.slice(1)]);
    const back = JSON.parse(toJson(session)) as typeof session;
    expect(back).toEqual(session);
    expect(back.runs[0]?.figures['worst_gap_ms']).toBe(2801.5);
    // What the JSON holds is what the stored session accepts back.
    for (const run of back.runs) expect(recordedRunSchema.parse(run)).toEqual(run);
  });
});

describe('exportFileName', () => {
  it('has no characters a file system refuses', () => {
    expect(exportFileName('session', '2026-01-31T10:21:00.123Z', 'csv')).toBe(
      'unfreeze-session-2026-01-31T10-21-00.csv',
    );
    expect(exportFileName('run', '2026-01-31T10:21:00.123Z', 'png')).toBe('unfreeze-run-2026-01-31T10-21-00.png');
  });
});
