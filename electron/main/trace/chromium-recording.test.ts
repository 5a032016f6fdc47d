import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_TRACE_CONFIG,
  MAX_RECORDING_MS,
  createChromiumRecorder,
  type ChromiumTracing,
} from './chromium-recording';

/** Electron's contentTracing cannot run here (no Electron binary): a stand-in that logs its calls. */
function standIn(failStart = false) {
  const calls: string[] = [];
  const tracing: ChromiumTracing = {
    startRecording: (config) => {
      calls.push(`start ${config.included_categories.length} categories`);
      return failStart ? Promise.reject(new Error('tracing is busy')) : Promise.resolve();
    },
    stopRecording: (filePath) => {
      calls.push(`stop ${filePath}`);
      return Promise.resolve(filePath);
    },
  };
  return { calls, tracing };
}

const at = new Date(2026, 0, 31, 10, 20, 30);

describe('createChromiumRecorder', () => {
  it('starts, refuses a second start, and stops into a named file in the folder', async () => {
    const { calls, tracing } = standIn();
    const recorder = createChromiumRecorder({ tracing, folder: '/home/ada/Downloads', now: () => at });
    await expect(recorder.start()).resolves.toEqual({ recording: true, savedTo: null });
    await expect(recorder.start()).rejects.toThrow('already recording: stop it first');
    const saved = '/home/ada/Downloads/unfreeze-trace-chromium-20260131-102030.json';
    await expect(recorder.stop()).resolves.toEqual({ recording: false, savedTo: saved });
    await expect(recorder.stop()).rejects.toThrow('not recording (it is idle)');
    expect(calls).toEqual([`start ${CHROMIUM_TRACE_CONFIG.included_categories.length} categories`, `stop ${saved}`]);
    // The page's own tracks (performance.measure) are in what Chromium records.
    expect(CHROMIUM_TRACE_CONFIG.included_categories).toContain('blink.user_timing');
  });

  it('is idle again when Chromium refuses to start, so a later start can work', async () => {
    const recorder = createChromiumRecorder({ tracing: standIn(true).tracing, folder: '/tmp' });
    await expect(recorder.start()).rejects.toThrow('tracing is busy');
    expect(recorder.state()).toEqual({ recording: false, savedTo: null });
  });

  it('stops by itself after the longest recording it allows', async () => {
    const { calls, tracing } = standIn();
    let fire: (() => void) | null = null;
    let ms = 0;
    const recorder = createChromiumRecorder({
      tracing,
      folder: '/tmp',
      now: () => at,
      setTimer: (fn, after) => {
        fire = fn;
        ms = after;
        return {};
      },
      clearTimer: () => {},
    });
    await recorder.start();
    expect(ms).toBe(MAX_RECORDING_MS);
    (fire as (() => void) | null)?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(recorder.state()).toEqual({
      recording: false,
      savedTo: '/tmp/unfreeze-trace-chromium-20260131-102030.json',
    });
    expect(calls).toHaveLength(2);
  });
});
