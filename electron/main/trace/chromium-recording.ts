import path from 'node:path';
import { traceFileName } from '../../../shared/trace/trace-file-name';
import type { ChromiumTraceState } from '../../../shared/trace/chromium-trace-channel';

/**
 * "Record with Chromium's tracer" (ARCHITECTURE.md, "The timeline"): Electron's contentTracing
 * records every process of the app (the main process, each renderer, the GPU, utility processes)
 * into one Chrome trace, beside the app's own. The state machine and the file's place are here,
 * without `electron`; shell/content-tracing.ts passes in the real start and stop.
 */

/** The part of Electron's TraceConfig used here (electron.d.ts, "TraceConfig"). */
export interface ChromiumTraceConfig {
  readonly included_categories: readonly string[];
  readonly recording_mode: 'record-until-full' | 'record-continuously';
  readonly trace_buffer_size_in_kb: number;
}

/**
 * What DevTools' Performance panel records, plus Electron's own category and the page's
 * `performance.measure` tracks (blink.user_timing), so Unfreeze's lanes show beside Chromium's.
 */
export const CHROMIUM_TRACE_CONFIG: ChromiumTraceConfig = {
  included_categories: [
    'toplevel',
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.frame',
    'blink.user_timing',
    'v8.execute',
    'electron',
  ],
  // Keeps the newest events once the buffer is full: the end of a long recording is what was asked for.
  recording_mode: 'record-continuously',
  trace_buffer_size_in_kb: 200 * 1024,
};

/** A recording nobody stopped ends by itself after this long (a buffer of 200 MB fills in minutes). */
export const MAX_RECORDING_MS = 120_000;

export interface ChromiumTracing {
  startRecording(config: ChromiumTraceConfig): Promise<void>;
  /** Resolves with the path written. */
  stopRecording(filePath: string): Promise<string>;
}

export interface ChromiumRecorderOptions {
  readonly tracing: ChromiumTracing;
  /** Where the file goes: the user's downloads folder in the app. */
  readonly folder: string;
  readonly now?: () => Date;
  readonly setTimer?: (fn: () => void, ms: number) => { unref?(): void };
  readonly clearTimer?: (timer: unknown) => void;
}

export interface ChromiumRecorder {
  start(): Promise<ChromiumTraceState>;
  stop(): Promise<ChromiumTraceState>;
  state(): ChromiumTraceState;
}

export function createChromiumRecorder(options: ChromiumRecorderOptions): ChromiumRecorder {
  const { tracing, folder } = options;
  const now = options.now ?? (() => new Date());
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let phase: 'idle' | 'starting' | 'recording' | 'saving' = 'idle';
  let savedTo: string | null = null;
  let timer: unknown = null;

  const state = (): ChromiumTraceState => ({ recording: phase === 'recording' || phase === 'starting', savedTo });

  const stop = async (): Promise<ChromiumTraceState> => {
    if (phase !== 'recording') throw new Error(`Chromium's tracer is not recording (it is ${phase})`);
    phase = 'saving';
    if (timer !== null) clearTimer(timer);
    timer = null;
    try {
      savedTo = await tracing.stopRecording(path.join(folder, traceFileName('chromium', now())));
    } finally {
      phase = 'idle';
    }
    return state();
  };

  return {
    async start() {
      if (phase !== 'idle') throw new Error(`Chromium's tracer is already ${phase}: stop it first`);
      phase = 'starting';
      try {
        await tracing.startRecording(CHROMIUM_TRACE_CONFIG);
      } catch (error) {
        phase = 'idle';
        throw error;
      }
      phase = 'recording';
      savedTo = null;
      const t = setTimer(() => {
        if (phase === 'recording')
          void stop().catch((error: unknown) => console.error('[trace] auto-stop failed:', error));
      }, MAX_RECORDING_MS);
      t.unref?.();
      timer = t;
      return state();
    },
    stop,
    state,
  };
}
