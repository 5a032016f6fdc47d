import { describe, expect, it } from 'vitest';
import { createSenderQuota } from './sender-quota';

describe('createSenderQuota', () => {
  it('counts each window on its own and refuses past the cap, naming it', () => {
    const quota = createSenderQuota(2);
    quota.take(1);
    quota.take(1);
    quota.take(2);
    expect(() => quota.take(1)).toThrow('this window already has 2 tasks queued or running (at most 2 per window)');
    expect(quota.held(1)).toBe(2);
    quota.give(1);
    expect(() => quota.take(1)).not.toThrow();
    expect(quota.held(2)).toBe(1);
  });

  it('forgets a window whose tasks have all ended', () => {
    const quota = createSenderQuota(1);
    quota.take(5);
    quota.give(5);
    quota.give(5);
    expect(quota.held(5)).toBe(0);
    expect(() => quota.take(5)).not.toThrow();
  });
});
