import { describe, expect, it } from 'vitest';
import { keyToWindow, liveWindow, MAX_SPAN_MS, MIN_SPAN_MS, pan, runWindow, zoom } from './timeline-view';

const w = { fromMs: 1000, toMs: 2000 };

describe('timeline view', () => {
  it('zooms around the pointer: the instant under it stays put', () => {
    const z = zoom(w, 2, 0.25);
    expect(z.toMs - z.fromMs).toBe(500);
    expect(z.fromMs + 0.25 * 500).toBe(1250);
  });

  it('never zooms past a millisecond or two minutes', () => {
    let z = w;
    for (let i = 0; i < 100; i++) z = zoom(z, 2);
    expect(z.toMs - z.fromMs).toBe(MIN_SPAN_MS);
    for (let i = 0; i < 100; i++) z = zoom(z, 0.5);
    expect(z.toMs - z.fromMs).toBe(MAX_SPAN_MS);
  });

  it('answers +, −, the arrows and 0, and ignores other keys', () => {
    const home = runWindow(1000, 2000);
    expect(keyToWindow(w, '+', home)?.toMs).toBeLessThan(2000);
    expect(keyToWindow(w, '-', home)?.toMs).toBeGreaterThan(2000);
    expect(keyToWindow(w, 'ArrowRight', home)).toEqual(pan(w, 100));
    expect(keyToWindow(w, 'ArrowLeft', home)).toEqual({ fromMs: 900, toMs: 1900 });
    expect(keyToWindow(w, '0', home)).toBe(home);
    expect(keyToWindow(w, 'x', home)).toBeNull();
  });

  it('shows a run whole, and while it runs its latest 10 s', () => {
    const home = runWindow(1000, 2000);
    expect(home.fromMs).toBeLessThan(1000);
    expect(home.toMs).toBeGreaterThan(2000);
    expect(liveWindow(0, 30_000).fromMs).toBe(20_000);
    expect(liveWindow(1000, 1200)).toEqual({ fromMs: 800, toMs: 1800 });
  });
});
