import { describe, expect, it } from 'vitest';
import { PLACE_INFO } from '../../../shared/places';
import { paneLabels } from './pane-labels';

describe('paneLabels', () => {
  it('names each pane by its own place', () => {
    expect(paneLabels({ left: 'renderer-main', right: 'web-worker' })).toEqual({
      left: PLACE_INFO['renderer-main'].label,
      right: PLACE_INFO['web-worker'].label,
    });
    const same = paneLabels({ left: 'web-worker', right: 'web-worker' });
    expect(same.left).toBe(same.right);
  });
});
