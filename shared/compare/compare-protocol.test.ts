import { describe, expect, it } from 'vitest';
import { parseInvokeRequest } from '../ipc/channels';
import { compareSetupSchema, paneCommandSchema } from './compare-protocol';

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

describe('paneCommandSchema', () => {
  it('asks a pane about a window of time, never one that ends before it begins', () => {
    const ask = { type: 'count-frames', pane: 'right', runId: 1, fromMs: 1_700_000_000_000, toMs: 1_700_000_001_200 };
    expect(paneCommandSchema.safeParse(ask).success).toBe(true);
    const backwards = paneCommandSchema.safeParse({ ...ask, toMs: ask.fromMs - 1 });
    expect(backwards.error?.issues[0]).toMatchObject({ path: ['toMs'], message: 'toMs must not be before fromMs' });
  });

  it('passes the theme on, and nothing else with it', () => {
    expect(paneCommandSchema.safeParse({ type: 'theme', pane: 'left', dark: true }).success).toBe(true);
    expect(paneCommandSchema.safeParse({ type: 'theme', pane: 'left', dark: 'yes' }).success).toBe(false);
    expect(paneCommandSchema.safeParse({ type: 'theme', pane: 'left', dark: true, css: 'x' }).success).toBe(false);
  });
});
