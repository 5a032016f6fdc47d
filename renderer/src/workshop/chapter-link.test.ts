import { describe, expect, it } from 'vitest';
import { chapterIndexOf, chapterLinkSearch, readChapterLink } from './chapter-link';

const chapters = [{ id: 'freeze' }, { id: 'cpu' }];

describe('chapterIndexOf', () => {
  it('finds a linked chapter, and explains an unknown one', () => {
    expect(chapterIndexOf(chapters, 'cpu')).toEqual({ index: 1 });
    expect(chapterIndexOf(chapters, null)).toEqual({ index: 0 });
    const bad = chapterIndexOf(chapters, 'nope');
    expect(bad.index).toBe(0);
    expect(bad.error).toContain('“nope”');
    expect(bad.error).toContain('freeze, cpu');
    expect(chapterIndexOf([], 'x').error).toContain('none yet');
  });
});

describe('readChapterLink', () => {
  it('reads the chapter and presenter mode from an address', () => {
    expect(readChapterLink('?screen=workshop&chapter=cpu&presenter=1', chapters)).toEqual({
      index: 1,
      presenter: true,
    });
    expect(readChapterLink('?screen=workshop', chapters)).toEqual({ index: 0, presenter: false });
    expect(readChapterLink('?screen=workshop&presenter=yes', chapters).presenter).toBe(false);
    const bad = readChapterLink('?screen=workshop&chapter=nope', chapters);
    expect(bad.index).toBe(0);
    expect(bad.error).toContain('“nope”');
  });
});

describe('chapterLinkSearch', () => {
  it('writes an address that reads back as the same chapter and mode', () => {
    for (const presenter of [false, true]) {
      const search = chapterLinkSearch('cpu', presenter);
      expect(new URLSearchParams(search).get('screen')).toBe('workshop');
      expect(readChapterLink(search, chapters)).toEqual({ index: 1, presenter });
    }
    expect(chapterLinkSearch('freeze', false)).not.toContain('presenter');
  });
});

describe('readChapterLink, from a bad link', () => {
  it('opens the linked chapter, in presenter mode when asked', () => {
    expect(readChapterLink('?chapter=cpu&presenter=1', chapters)).toEqual({ index: 1, presenter: true });
    expect(readChapterLink('?chapter=cpu', chapters)).toEqual({ index: 1, presenter: false });
  });

  it('explains a chapter that does not exist and does not start presenter mode, which would hide it', () => {
    const link = readChapterLink('?screen=workshop&chapter=nope&presenter=1', chapters);
    expect(link.index).toBe(0);
    expect(link.presenter).toBe(false);
    expect(link.error).toContain('There is no chapter “nope”');
    expect(link.error).toContain('Presenter mode was not started');
  });

  it('quotes at most a short prefix of a long chapter or presenter value', () => {
    const link = readChapterLink(`?chapter=${'c'.repeat(400_000)}&presenter=${'p'.repeat(1000)}`, chapters);
    expect(link.error?.length).toBeLessThan(300);
    expect(link.presenter).toBe(false);
    expect(link.error).toContain('presenter must be 1 or 0');
  });
});
