import { describe, expect, it } from 'vitest';
import { PLACE_INFO } from '../../../shared/places';
import { mulberry32 } from '../../../shared/testing/mulberry32';
import { PLAYGROUND_WORKLOADS } from '../../../shared/workloads/registry';
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

  it('accepts every Playground workload by name, and lists them all for an unknown one', () => {
    for (const workload of PLAYGROUND_WORKLOADS) {
      expect(parseDeepLink(`?workload=${workload}`)).toEqual({ link: { workload, autorun: false }, errors: [] });
    }
    expect(parseDeepLink('?workload=hashing').link.workload).toBe('hashing');
    // tiny-tasks is a workload, but not one the Playground offers.
    expect(parseDeepLink('?workload=tiny-tasks').errors).toEqual([
      `Unknown workload “tiny-tasks”. Use one of: ${PLAYGROUND_WORKLOADS.join(', ')}.`,
    ]);
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

  it('never autoruns with an error, nor quotes more than a line, for 2,000 random links', () => {
    const random = mulberry32(0xd11);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const values = [
      'web-worker',
      'utility-process',
      'primes',
      '3s',
      '61s',
      '1',
      '0',
      '%0A%E2%80%A8',
      'x'.repeat(50_000),
    ];
    const text = () =>
      Array.from({ length: Math.floor(random() * 30) }, () => String.fromCharCode(random() * 0x2fff)).join('');
    for (let i = 0; i < 2000; i++) {
      const pair = () =>
        `${pick(['place', 'workload', 'size', 'autorun'])}=${random() < 0.5 ? pick(values) : encodeURIComponent(text())}`;
      const search = `?${Array.from({ length: 1 + Math.floor(random() * 4) }, pair).join('&')}`;
      const desktop = random() < 0.5;
      const { link, errors } = parseDeepLink(search, { desktop, fallback: 'web-worker' });
      if (errors.length > 0) expect(link.autorun, search).toBe(false);
      if (!desktop && link.place) expect(PLACE_INFO[link.place].desktopOnly, search).toBe(false);
      for (const error of errors) {
        expect(error.length).toBeLessThan(400);
        // eslint-disable-next-line no-control-regex -- no control character may reach the page
        expect(error).not.toMatch(/[\u0000-\u001f\u2028\u2029]/);
      }
    }
  });
});
