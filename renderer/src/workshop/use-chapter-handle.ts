import { useEffect, useRef } from 'react';
import type { ChapterDemoProps, ChapterRun } from './chapter';

/**
 * Hands the workshop this demo's run and cancel while the demo is shown. They may be new closures
 * on every render (they read the demo's latest state); the workshop always calls the latest.
 */
export function useChapterHandle(register: ChapterDemoProps['register'], demo: ChapterRun): void {
  const latest = useRef(demo);
  latest.current = demo;
  useEffect(() => register({ run: () => latest.current.run(), cancel: () => latest.current.cancel() }), [register]);
}
