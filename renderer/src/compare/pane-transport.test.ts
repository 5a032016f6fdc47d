import { describe, expect, it } from 'vitest';
import { comparePaneOf, frameMessageOf } from './pane-transport';

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
  it('takes a pane’s ready and report messages', () => {
    expect(frameMessageOf('left', { type: 'unfreeze-pane-ready', pane: 'left' })).toEqual({
      type: 'unfreeze-pane-ready',
      pane: 'left',
    });
    const message = { type: 'unfreeze-pane-report', report: report('right') };
    expect(frameMessageOf('right', message)).toEqual(message);
  });

  it('ignores a frame that speaks for the other pane, and anything that is not a pane message', () => {
    expect(frameMessageOf('right', { type: 'unfreeze-pane-ready', pane: 'left' })).toBeNull();
    expect(frameMessageOf('left', { type: 'unfreeze-pane-report', report: report('right') })).toBeNull();
    expect(frameMessageOf('left', 'hello')).toBeNull();
    expect(frameMessageOf('left', { type: 'unfreeze-pane-ready', pane: 'left', extra: 1 })).toBeNull();
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
