import { describe, expect, it } from 'vitest';
import { SAMPLE_RUNS, sampleRun } from './sample-runs';
import { MAX_STORED_RUNS, readStoredSession, storedSessionText } from './stored-session';

/** The stored text with one change made to it, as someone with the devtools might. */
type Stored = Record<string, unknown> & { runs: [Run, Run, Run] };
type Run = Record<string, unknown> & { figures: Record<string, unknown> };
const tampered = (edit: (stored: Stored) => void) => {
  const stored = JSON.parse(storedSessionText(SAMPLE_RUNS)) as Stored;
  edit(stored);
  return JSON.stringify(stored);
};

describe('readStoredSession', () => {
  it('reads back what it wrote', () => {
    expect(readStoredSession(storedSessionText(SAMPLE_RUNS))).toEqual({ ok: true, runs: SAMPLE_RUNS });
    expect(readStoredSession(null)).toEqual({ ok: true, runs: [] });
  });

  it('keeps the newest runs when there are too many', () => {
    const runs = Array.from({ length: MAX_STORED_RUNS + 3 }, (_, i) => sampleRun({ title: `Run ${i}` }));
    const read = readStoredSession(storedSessionText(runs));
    expect(read.ok && read.runs.length).toBe(MAX_STORED_RUNS);
    expect(read.ok && read.runs[0]?.title).toBe('Run 3');
  });

  it('refuses a tampered session, naming the field', () => {
    const cases: [string, string][] = [
      [tampered((s) => (s.runs[0].figures['wall_ms'] = 'fast')), 'runs.0.figures.wall_ms'],
      [tampered((s) => (s.runs[1]['place'] = 'the-cloud')), 'runs.1.place'],
      [tampered((s) => (s.runs[0]['at'] = 'yesterday')), 'runs.0.at: at must be an ISO 8601 UTC time'],
      [tampered((s) => (s.runs[2]['script'] = '<img onerror=alert(1)>')), 'runs.2'],
      [tampered((s) => (s.runs[0].figures['Bad Name'] = 1)), 'runs.0.figures'],
      [tampered((s) => (s.runs[0]['title'] = 'x'.repeat(5000))), 'runs.0.title'],
      [tampered((s) => (s['version'] = 2)), 'version'],
    ];
    for (const [text, where] of cases) {
      const read = readStoredSession(text);
      expect(read.ok, where).toBe(false);
      expect(!read.ok && read.problem, where).toContain(where);
    }
  });

  it('refuses text that is not JSON', () => {
    const read = readStoredSession('{"app": "Unfreeze", ');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problem).toMatch(/^it is not JSON/);
  });
});
