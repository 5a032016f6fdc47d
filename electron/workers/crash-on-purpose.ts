import type { CrashMode } from '../../shared/protocol/messages';

/** What differs between a thread and a process when the crash lab breaks it. */
export interface CrashMeans {
  /**
   * Ends the worker with `code` at once: process.exit(), which in a worker thread ends only the
   * thread (the Worker's 'exit' event) and in a process the whole process.
   */
  exit(code: number): void;
  /**
   * A hard crash, as a native bug would cause: no exit handlers, no clean-up. A process can
   * abort; a thread cannot without taking the app down with it, so a thread passes its exit.
   */
  crashHard(): void;
}

/** The exit code of the crash lab's 'exit', so the report ("…exited with code 3") is recognisable. */
export const CRASH_EXIT_CODE = 3;

/**
 * The crash lab inside a background entry (thread-entry.ts, process-entry.ts): breaks this worker
 * on purpose in one of the CRASH_MODES, so the audience sees the pool report the failure clearly
 * and replace the worker. 'throw' and 'hang' are the same everywhere; `means` says how to exit
 * and how to crash hard here.
 */
export function crashOnPurpose(means: CrashMeans): (mode: CrashMode) => void {
  return (mode) => {
    switch (mode) {
      case 'throw':
        // From a timer, beyond the task server's try/catch: an uncaught exception ends a
        // process (code 1) or a thread (the Worker's 'error', then 'exit').
        setTimeout(() => {
          throw new Error('Crash lab: an uncaught error was thrown on purpose');
        });
        return;
      case 'exit':
        means.exit(CRASH_EXIT_CODE);
        return;
      case 'crash':
        means.crashHard();
        return;
      case 'hang':
        // Never returns, so "cancel" is never read: the pool must terminate the thread or kill
        // the process.
        for (;;) {
          /* spin */
        }
    }
  };
}
