import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { triage, type AcceptedFinding } from './electronegativity.mjs';

const accepted: AcceptedFinding[] = [
  { check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts', rationale: 'reviewed' },
  { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', rationale: 'reviewed' },
];

describe('triage', () => {
  it('separates accepted findings from new ones, by check and file', () => {
    const issues = [
      { id: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts' },
      { id: 'SANDBOX_JS_CHECK', file: 'electron/main/window.ts' },
      { id: 'PRELOAD_JS_CHECK', file: 'electron/main/other-window.ts' },
    ];
    const result = triage(issues, accepted);
    expect(result.acknowledged).toEqual([issues[0]]);
    expect(result.fresh).toEqual([issues[1], issues[2]]);
    expect(result.stale).toEqual([accepted[1]]);
  });

  it('passes a clean scan only when nothing is accepted in vain', () => {
    expect(triage([], [])).toEqual({ fresh: [], acknowledged: [], stale: [] });
    expect(triage([], accepted).stale).toHaveLength(2);
  });
});

describe('electronegativity-accepted.json', () => {
  it('gives every accepted finding a check, a file and a real rationale', () => {
    const file = JSON.parse(readFileSync(new URL('./electronegativity-accepted.json', import.meta.url), 'utf8')) as {
      accepted: AcceptedFinding[];
    };
    expect(file.accepted.length).toBeGreaterThan(0);
    for (const entry of file.accepted) {
      expect(entry.check).toMatch(/^[A-Z_]+_CHECK$/);
      expect(entry.file).not.toMatch(/^\/|\\/);
      expect(entry.rationale.length, entry.check).toBeGreaterThan(80);
    }
  });
});
