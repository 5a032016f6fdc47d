import { describe, expect, it } from 'vitest';
import { parseInvokeRequest } from '../ipc/channels';
import { compareSetupSchema } from './compare-protocol';

const setup = (params: unknown, workload = 'primes') => ({
  left: 'renderer-main',
  right: 'web-worker',
  request: { workload, params },
});

function deep(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { next: value };
  return value;
}

describe('compareSetupSchema', () => {
  it('accepts parameters the workload accepts', () => {
    expect(compareSetupSchema.safeParse(setup({ limit: 1000 })).success).toBe(true);
  });

  it.each([
    ['a negative limit', { limit: -5 }, 'limit must be a whole number from 2 to 100,000,000'],
    ['an 8 MB string', { limit: 'x'.repeat(8 * 1024 * 1024) }, 'limit must be a whole number from 2'],
    ['a 100,000-deep object', { limit: 10, nested: deep(100_000) }, 'Unrecognized key'],
    ['no parameters', undefined, 'expected object'],
  ])('refuses %s with the workload’s own message, at request.params', (_label, params, message) => {
    const result = parseInvokeRequest('compare:open', setup(params));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.message).toContain('request.params');
    expect(result.error.message.length).toBeLessThanOrEqual(600);
  });

  it('checks every workload’s parameters, a download’s files too', () => {
    const bad = setup({ files: [{ id: 1, name: 'a', size: 0 }], bandwidth: 1024, concurrency: 1 }, 'download');
    const result = parseInvokeRequest('compare:open', bad);
    expect(!result.ok && result.error.message).toContain('size (bytes) must be a whole number from 1 to');
  });
});
