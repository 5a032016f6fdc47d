import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../../shared/screens';
import { parseScreen, screenSearch, screenTitle } from './screens';

describe('parseScreen', () => {
  it('opens the Playground when no screen is named', () => {
    expect(parseScreen('')).toEqual({ screen: 'playground' });
    expect(parseScreen('?place=web-worker')).toEqual({ screen: 'playground' });
  });

  it('opens every screen it lists', () => {
    for (const { id } of SCREENS) expect(parseScreen(screenSearch(id)).screen).toBe(id);
  });

  it('names the allowed screens when the link is wrong', () => {
    const parsed = parseScreen('?screen=nope');
    expect(parsed.screen).toBe('playground');
    expect(parsed.error).toContain('“nope”');
    expect(parsed.error).toContain('workshop');
  });
});

describe('screenSearch', () => {
  it('keeps a screen’s own parameters', () => {
    expect(screenSearch('workshop', { chapter: 'deadlock' })).toBe('?screen=workshop&chapter=deadlock');
  });
});

describe('screenTitle', () => {
  it('names the screen before the app', () => {
    expect(screenTitle('playground')).toBe('Playground — Unfreeze');
    expect(screenTitle('lab')).toBe('Concurrency lab — Unfreeze');
  });

  it('gives every screen its own title', () => {
    const titles = SCREENS.map((s) => screenTitle(s.id));
    expect(new Set(titles).size).toBe(SCREENS.length);
  });

  it('names a Compare pane', () => {
    expect(screenTitle('compare', 'left')).toBe('Left pane — Compare — Unfreeze');
  });
});
