import { describe, expect, it } from 'vitest';
import { comparePaneOf, frameMessageOf, paneUrl } from './pane-transport';

const report = (pane: 'left' | 'right') => ({
  runId: 1,
  pane,
  result: {
    status: 'done',
    startedAt: 1_700_000_000_000,
    wallMs: 1000,
    worstGapMs: 900,
    framesOver50: 1,
    inputDelayP95Ms: null,
    mainStallMs: null,
  },
});

describe('frameMessageOf', () => {
  it('takes a pane’s ready, report and frame-count messages', () => {
    const ready = { type: 'unfreeze-pane-ready', pane: 'left', crossOriginIsolated: true };
    expect(frameMessageOf('left', ready)).toEqual(ready);
    const message = { type: 'unfreeze-pane-report', report: report('right') };
    expect(frameMessageOf('right', message)).toEqual(message);
    const frames = { type: 'unfreeze-pane-frames', pane: 'right', runId: 3, frames: 72 };
    expect(frameMessageOf('right', frames)).toEqual(frames);
  });

  it('ignores a frame that speaks for the other pane, and anything that is not a pane message', () => {
    expect(
      frameMessageOf('right', { type: 'unfreeze-pane-ready', pane: 'left', crossOriginIsolated: true }),
    ).toBeNull();
    expect(frameMessageOf('left', { type: 'unfreeze-pane-frames', pane: 'right', runId: 1, frames: 5 })).toBeNull();
    expect(frameMessageOf('left', { type: 'unfreeze-pane-frames', pane: 'left', runId: 1, frames: -1 })).toBeNull();
    expect(frameMessageOf('left', { type: 'unfreeze-pane-ready', pane: 'left' })).toBeNull();
    expect(frameMessageOf('left', { type: 'unfreeze-pane-report', report: report('right') })).toBeNull();
    expect(frameMessageOf('left', 'hello')).toBeNull();
    const extra = { type: 'unfreeze-pane-ready', pane: 'left', crossOriginIsolated: true, extra: 1 };
    expect(frameMessageOf('left', extra)).toBeNull();
    const bad = { ...report('left'), result: { ...report('left').result, wallMs: -1 } };
    expect(frameMessageOf('left', { type: 'unfreeze-pane-report', report: bad })).toBeNull();
  });
});

describe('comparePaneOf', () => {
  it('finds the pane an address makes this page, or none', () => {
    expect(comparePaneOf('?screen=compare&pane=left')).toBe('left');
    expect(comparePaneOf('?screen=compare&pane=right')).toBe('right');
    expect(comparePaneOf('?screen=compare')).toBeNull();
    expect(comparePaneOf('?screen=compare&pane=middle')).toBeNull();
    expect(comparePaneOf('?screen=lab&pane=left')).toBeNull();
  });
});

describe('paneUrl', () => {
  it('addresses the pane document on its own site, naming the page that frames it', () => {
    const page = { origin: 'http://127.0.0.1:4173', pathname: '/unfreeze/' };
    expect(paneUrl('http://left.localhost:4173', page, 'left')).toBe(
      'http://left.localhost:4173/unfreeze/?screen=compare&pane=left&controller=http%3A%2F%2F127.0.0.1%3A4173',
    );
    expect(comparePaneOf(new URL(paneUrl('http://right.localhost:4173', page, 'right')).search)).toBe('right');
  });
});
