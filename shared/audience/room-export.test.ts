import { describe, expect, it } from 'vitest';
import { Room } from './room';
import { roomCsvRows, roomExport } from './room-export';
import { sampleResult } from './test-results';

describe('room exports', () => {
  it('has one CSV row per device with its figures, and a JSON export with the medians', () => {
    let now = 0;
    const r = new Room({ joinUrl: 'u', joinCode: 'c', runSeconds: 1, capacity: 5, now: () => now });
    const label = r.join() ?? '';
    now = 2500;
    r.record(label, sampleResult(900, 20, 4));
    expect(roomCsvRows(r.state())).toEqual([
      [
        'Device 1',
        'Chrome 131 · Android · 4 cores · 4 GiB',
        'Chrome 131',
        'Android',
        true,
        4,
        4,
        905,
        900,
        1,
        '',
        450,
        20,
        0,
        12,
        2.5,
      ],
    ]);
    const json = roomExport(r.state(), '2026-12-01T12:00:00.000Z');
    expect(json.summary.mainWorstGapMs).toBe(900);
    expect(json.results).toHaveLength(1);
  });
});
