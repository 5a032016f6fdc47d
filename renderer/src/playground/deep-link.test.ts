import { describe, expect, it } from 'vitest';
import { PLAYGROUND_WORKLOADS } from '../../../shared/workloads/registry';
import { parseDeepLink } from './deep-link';

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
});
