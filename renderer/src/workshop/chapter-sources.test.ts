import { describe, expect, it } from 'vitest';
import { DOWNLOAD_CHAPTERS } from '../downloads/download-chapters';
import { LAB_CHAPTERS } from '../lab/lab-chapters';
import { shownLines } from './source-range';

// Excerpts are found by their text: when a file changes so that a marker no longer matches,
// the chapter would quietly show the whole file. This catches it.
describe('the chapters’ source excerpts', () => {
  const sources = [...DOWNLOAD_CHAPTERS, ...LAB_CHAPTERS].flatMap((c) =>
    c.sources.map((s) => ({ chapter: c.id, ...s })),
  );

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
