import { describe, expect, it } from 'vitest';
import { parseDeepLink, QUOTE_MAX } from './deep-link';

describe('parseDeepLink', () => {
  it('reads a complete presenter link', () => {
    expect(parseDeepLink('?place=web-worker&workload=primes&size=3s&autorun=1')).toEqual({
      link: { place: 'web-worker', workload: 'primes', size: 3, autorun: true },
      errors: [],
    });
  });

  it('is empty for no query', () => {
    expect(parseDeepLink('')).toEqual({ link: { autorun: false }, errors: [] });
  });

  it('names each bad parameter with the allowed values and refuses to autorun', () => {
    const { link, errors } = parseDeepLink('?place=gpu&workload=mandelbrot&size=huge&autorun=1');
    expect(link).toEqual({ workload: 'mandelbrot', autorun: false });
    expect(errors[0]).toContain('Unknown place “gpu”');
    expect(errors[0]).toContain('renderer-main');
    expect(errors[1]).toContain('Unknown size “huge”');
    expect(errors[1]).toContain('1s, 3s, 10s or any whole number of seconds up to 60s');
    expect(errors.at(-1)).toContain('not started');
  });

  it('accepts a custom number of seconds and refuses 0 or more than 60', () => {
    expect(parseDeepLink('?size=2s').link.size).toBe(2);
    expect(parseDeepLink('?size=0s').errors).toHaveLength(1);
    expect(parseDeepLink('?size=61s').errors).toHaveLength(1);
    expect(parseDeepLink('?size=2').errors).toHaveLength(1);
  });

  it('rejects an autorun value that is neither 1 nor 0', () => {
    expect(parseDeepLink('?autorun=yes').errors).toEqual(['autorun must be 1 or 0, not “yes”.']);
  });

  it('in the web edition, refuses a desktop-only place and does not autorun on the fallback', () => {
    const web = { desktop: false, fallback: 'web-worker' } as const;
    const { link, errors } = parseDeepLink('?place=utility-process&autorun=1', web);
    expect(link).toEqual({ autorun: false });
    expect(errors[0]).toBe('“utility-process” needs the desktop app; this web edition uses Web Workers instead.');
    expect(errors.at(-1)).toContain('not started');
    // The desktop app follows the same link.
    expect(parseDeepLink('?place=utility-process&autorun=1', { ...web, desktop: true })).toEqual({
      link: { place: 'utility-process', autorun: true },
      errors: [],
    });
  });

  it('quotes at most a short prefix of a long value, on one line', () => {
    const long = 'x'.repeat(400_000);
    for (const key of ['place', 'workload', 'size', 'autorun']) {
      const { errors } = parseDeepLink(`?${key}=${long}\n%0A%E2%80%A8`);
      expect(errors[0]?.length).toBeLessThan(200);
      expect(errors[0]).toContain(`“${'x'.repeat(QUOTE_MAX - 1)}…”`);
    }
    expect(parseDeepLink('?place=a%0Ab%E2%80%A8c').errors[0]).toContain('“a\\u000ab\\u2028c”');
  });
});
