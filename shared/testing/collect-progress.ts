import type { TaskListener, TaskProgress } from '../run/task-request';

/** A TaskListener that records every progress and lanes report, for assertions. */
export function collectProgress() {
  const progress: TaskProgress[] = [];
  const lanes: { lane: number; done: number; total: number }[][] = [];
  const listener: TaskListener = {
    onProgress: (p) => progress.push(p),
    onLanes: (l) => lanes.push(l.map((x) => ({ ...x }))),
  };
  return { listener, progress, lanes };
}
