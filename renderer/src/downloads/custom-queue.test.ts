import { describe, expect, it } from 'vitest';
import { ParamsError, parseParams } from '../../../shared/workloads/params-error';
import { downloadParams } from '../../../shared/workloads/download/download';
import { DEFAULT_FORM, queueParams } from './custom-queue';

const problems = (form: Partial<typeof DEFAULT_FORM>) => {
  const params = queueParams({ ...DEFAULT_FORM, ...form }, false);
  if ('error' in params) return params.error;
  try {
    parseParams(downloadParams, params, 'download');
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ParamsError);
    return (error as Error).message;
  }
};

describe('the custom queue form', () => {
  it('turns the defaults into valid parameters', () => {
    expect(problems({})).toBeNull();
    const params = queueParams(DEFAULT_FORM, false);
    expect('files' in params && params.files.map((f) => f.name)).toEqual([
      'file-1.bin',
      'file-2.bin',
      'file-3.bin',
      'file-4.bin',
      'file-5.bin',
      'file-6.bin',
    ]);
  });

  it('rejects entries outside their ranges with the range in the message', () => {
    expect(problems({ files: '1001' })).toBe('files must be a whole number from 1 to 1,000');
    expect(problems({ files: 'many' })).toBe('files must be a whole number from 1 to 1,000');
    expect(problems({ sizeKB: '0' })).toMatch(/size \(bytes\) must be a whole number from 1 to 67,108,864/);
    expect(problems({ bandwidthKBps: '0.5' })).toMatch(/bandwidth \(bytes\/s\) must be a whole number from 1,024/);
    expect(problems({ concurrency: '' })).toMatch(/concurrency must be a whole number from 1 to 1,000/);
    expect(problems({ failurePct: '95' })).toMatch(/failure rate must be a number from 0 to 0.9/);
  });

  it('forces one file at a time where downloads are synchronous', () => {
    const params = queueParams({ ...DEFAULT_FORM, concurrency: '50' }, true);
    expect('concurrency' in params && params.concurrency).toBe(1);
  });
});
