import { describe, expect, it } from 'vitest';
import { shownLines } from './source-range';
import { CHAPTERS } from './workshop-chapters';

// Excerpts are found by their text: when a file changes so that a marker no longer matches,
// the chapter would quietly show the whole file. This catches it, for every excerpt every chapter shows.
describe('the chapters’ source excerpts', () => {
  const sources = CHAPTERS.flatMap((c) => c.sources.map((s) => ({ chapter: c.id, ...s })));

  it('are there for every chapter', () => {
    for (const c of CHAPTERS) expect(c.sources.length, c.id).toBeGreaterThan(0);
  });

  it('are all found', () => {
    expect(sources.length).toBeGreaterThan(8);
    for (const s of sources) {
      expect(s.path, s.chapter).not.toContain('marker not found');
      expect(s.lines, `${s.chapter}: ${s.path}`).toBeDefined();
    }
  });

  it('show a screenful, not a whole file', () => {
    for (const s of sources) {
      const shown = shownLines(s).text.split('\n');
      expect(shown.length, `${s.chapter}: ${s.path}`).toBeGreaterThan(3);
      expect(shown.length, `${s.chapter}: ${s.path}`).toBeLessThan(90);
    }
  });
});
