import { describe, expect, it } from 'vitest';
import { paneSites } from '../../../shared/compare/pane-sites';
import { isolationWarning, notLoadedNote, sitesNote } from './sites-note';

const page = { protocol: 'http:', hostname: '127.0.0.1', port: '4173' };
const shared = { kind: 'shared-thread', frozen: 'left', other: 'right', frames: 1, windowMs: 1200 } as const;

describe('sitesNote', () => {
  it('names the panes’ own sites, and promises only what the run will check', () => {
    const note = sitesNote(paneSites(page, true), true);
    expect(note).toContain('left.localhost:4173 and right.localhost:4173');
    expect(note).toContain('the run shows whether it did');
  });

  it('says the panes share one thread when they come from the page’s site', () => {
    expect(sitesNote(paneSites(page, false), true)).toMatch(/share its one renderer process and main thread/);
    const remote = { protocol: 'https:', hostname: 'unfreeze.example', port: '' };
    expect(sitesNote(paneSites(remote, true), false)).toMatch(/cannot come from sites of their own/);
  });
});

describe('isolationWarning', () => {
  it('speaks up only when panes of their own sites still shared a thread', () => {
    expect(isolationWarning(paneSites(page, true), shared)).toMatch(/did not give each pane a process of its own/);
    expect(isolationWarning(paneSites(page, false), shared)).toBeNull();
    expect(isolationWarning(paneSites(page, true), { ...shared, kind: 'own-threads', frames: 70 })).toBeNull();
    expect(isolationWarning(paneSites(page, true), null)).toBeNull();
  });
});

describe('notLoadedNote', () => {
  it('names the sites that did not answer and the way out', () => {
    expect(notLoadedNote(paneSites(page, true))).toMatch(
      /not loaded from left\.localhost:4173 and right\.localhost:4173/,
    );
    expect(notLoadedNote(paneSites(page, true))).toContain('Choose “this page’s site”');
    expect(notLoadedNote(paneSites(page, false))).toMatch(/have not loaded yet/);
  });
});
