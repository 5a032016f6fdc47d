import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../../shared/screens';
import { parseScreen, screenSearch } from './screens';

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
