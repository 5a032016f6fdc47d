import { useState } from 'react';
import tinySource from '../../../../shared/workloads/tiny-tasks.ts?raw';
import type { TaskOutcome } from '../../../../shared/run/task-outcome';
import type { RunningTask } from '../../../../shared/run/task-request';
import { runInPool } from '../../../../shared/run/run-in-pool';
import { runHere } from '../../../../shared/run/run-here';
import { describeIssues } from '../../../../shared/workloads/params-error';
import {
  tinyTasks,
  tinyTasksParams,
  type TinyTasksPart,
  type TinyTasksResult,
} from '../../../../shared/workloads/tiny-tasks';
import { WHOLE } from '../../../../shared/workloads/workload';
import { browserThread } from '../../run/thread-hooks';
import { webWorkerPool } from '../../run/web-worker-pool';
import { formatDuration } from '../../../../shared/format/format-duration';
import type { Chapter, ChapterDemoProps } from '../chapter';
import { DemoStatus, FigureTable } from '../demo-parts';
import { notDone, type RunSignal } from '../measure-run';
import { sourceRange } from '../source-range';
import { useChapterRun } from '../use-chapter-run';
import { OVERHEAD_EXPECTED_TEXT, overheadOutcome, type OverheadRuns } from './overhead';
import tinyChapterSource from './tiny-chapter.tsx?raw';

const TASKS = 2000;
/** 2,000 steps of arithmetic per task: some µs to a few tens of µs, depending on the computer. */
const ITERATIONS = 2000;

/** Each task to the pool as its own job: one message there and one back per task. */
export function runOneMessagePerTask(
  tasks: number,
  iterations: number,
  onDone: (done: number) => void,
): RunningTask<TinyTasksResult> {
  const pool = webWorkerPool();
  const started = performance.now();
  const parts: TinyTasksPart[] = [];
  const cancels: (() => void)[] = [];
  let settled = false;
  let resolve!: (o: TaskOutcome<TinyTasksResult>) => void;
  const outcome = new Promise<TaskOutcome<TinyTasksResult>>((r) => (resolve = r));
  const end = (o: TaskOutcome<TinyTasksResult>) => {
    if (settled) return;
    settled = true;
    resolve(o);
    if (o.status !== 'done') for (const cancel of cancels) cancel();
  };
  for (let first = 0; first < tasks; first++) {
    cancels.push(
      pool.submit({
        workload: 'tiny-tasks',
        params: { tasks: 1, iterations, first },
        shard: WHOLE,
        onProgress: () => {},
        onSettled: (job) => {
          if (job.status === 'cancelled') return end({ status: 'cancelled', elapsedMs: performance.now() - started });
          if (job.status === 'failed')
            return end({ status: 'failed', message: job.message, elapsedMs: performance.now() - started });
          const part = tinyTasks.part.safeParse(job.part);
          if (!part.success)
            return end({
              status: 'failed',
              message: `A worker sent a malformed result: ${describeIssues(part.error)}`,
              elapsedMs: performance.now() - started,
            });
          parts.push(part.data);
          if (parts.length % 100 === 0) onDone(parts.length);
          if (parts.length === tasks) {
            end({
              status: 'done',
              result: tinyTasks.combine(tinyTasksParams.parse({ tasks, iterations }), parts),
              elapsedMs: performance.now() - started,
            });
          }
        },
      }),
    );
  }
  return { cancel: () => end({ status: 'cancelled', elapsedMs: performance.now() - started }), outcome };
}

/** Times a run from before it starts: a blocking run does all its work inside `start`. */
async function timed(
  signal: RunSignal,
  start: () => RunningTask,
): Promise<{ ms: number; outcome: TaskOutcome<unknown> }> {
  const started = performance.now();
  const task = start();
  signal.attach(task);
  const outcome = await task.outcome;
  signal.attach(null);
  return { ms: performance.now() - started, outcome };
}

const checksumOf = (o: TaskOutcome<unknown>) => (o.status === 'done' ? (o.result as TinyTasksResult).checksum : '');

function TinyDemo(props: ChapterDemoProps) {
  const [status, setStatus] = useState<{ text: string; fraction: number | null }>({
    text: `Press Run: ${TASKS.toLocaleString('en-US')} tiny tasks inline, one message per task, and in one batch per worker.`,
    fraction: null,
  });
  const [runs, setRuns] = useState<OverheadRuns | null>(null);

  const { running } = useChapterRun(props.register, async (signal) => {
    setRuns(null);
    const pool = webWorkerPool();
    pool.warm();
    const request = { workload: 'tiny-tasks' as const, params: { tasks: TASKS, iterations: ITERATIONS } };
    // Warm the JIT on this thread too, so inline is not charged for compiling the task.
    runHere(
      { workload: 'tiny-tasks', params: { tasks: 200, iterations: ITERATIONS } },
      { onProgress: () => {} },
      { style: 'blocking' },
      browserThread,
    );

    setStatus({ text: 'Inline, on this thread…', fraction: null });
    const inline = await timed(signal, () =>
      runHere(request, { onProgress: () => {} }, { style: 'blocking' }, browserThread),
    );
    setStatus({ text: 'One worker message per task…', fraction: 0 });
    const perTask = await timed(signal, () =>
      runOneMessagePerTask(TASKS, ITERATIONS, (done) =>
        setStatus({ text: 'One worker message per task…', fraction: done / TASKS }),
      ),
    );
    setStatus({ text: `Batched: one share per worker (${pool.size})…`, fraction: null });
    const batched = await timed(signal, () =>
      runInPool(pool, request, { onProgress: () => {} }, () => performance.now()),
    );

    for (const [what, run] of [
      ['inline run', inline],
      ['run with a message per task', perTask],
      ['batched run', batched],
    ] as const) {
      const why = notDone(run.outcome, what);
      if (why) {
        setStatus({ text: why, fraction: null });
        return { measured: why, asExpected: false, figures: {} };
      }
    }
    const sums = new Set([inline, perTask, batched].map((r) => checksumOf(r.outcome)));
    if (sums.size !== 1) throw new Error(`the three ways gave different answers (${[...sums].join(', ')})`);
    const result: OverheadRuns = {
      tasks: TASKS,
      inlineMs: inline.ms,
      perTaskMs: perTask.ms,
      batchedMs: batched.ms,
      workers: pool.size,
    };
    setRuns(result);
    setStatus({ text: `Done; all three ways agree (checksum ${[...sums][0] ?? ''}).`, fraction: null });
    return overheadOutcome(result);
  });

  return (
    <div className="space-y-4">
      <DemoStatus text={status.text} fraction={running ? status.fraction : null} presenter={props.presenter} />
      {runs && (
        <FigureTable
          presenter={props.presenter}
          head={['How', 'Wall time', 'Per task']}
          rows={[
            [
              'Inline, one loop',
              formatDuration(runs.inlineMs),
              `${((runs.inlineMs / runs.tasks) * 1000).toFixed(1)} µs`,
            ],
            [
              'A worker message per task',
              formatDuration(runs.perTaskMs),
              `${((runs.perTaskMs / runs.tasks) * 1000).toFixed(1)} µs`,
            ],
            [
              `One batch per worker (${runs.workers})`,
              formatDuration(runs.batchedMs),
              `${((runs.batchedMs / runs.tasks) * 1000).toFixed(1)} µs`,
            ],
          ]}
        />
      )}
    </div>
  );
}

export const tinyChapter: Chapter = {
  id: 'tiny-tasks',
  tutorialStep: 'when-not',
  concept: 'When not to use threads',
  title: 'Thousands of tiny tasks: the overhead, measured',
  explanation: [
    'Handing work to another thread is not free. The task has to be copied into a message, queued, picked up by ' +
      'the worker, and its answer copied back and handled on this thread.',
    'Each task here is 2,000 steps of arithmetic: from a few µs to a few tens of µs, depending on the computer ' +
      '(the table shows the time per task measured here). A message costs more than that — tens of µs on a quiet ' +
      'computer, hundreds on a busy one — so sent one message per task, thousands of tiny tasks take far longer on ' +
      'workers than in a plain loop on this thread.',
    'The fix is not to give up on workers but to give them enough to do: one batch per worker pays the message ' +
      'cost once per worker, not once per task.',
  ],
  expected: OVERHEAD_EXPECTED_TEXT,
  sources: [
    sourceRange('shared/workloads/tiny-tasks.ts', tinySource, 'export function tinyTask'),
    sourceRange(
      'renderer/src/workshop/chapters/tiny-chapter.tsx',
      tinyChapterSource,
      'export function runOneMessagePerTask',
      'return { cancel',
    ),
  ],
  Demo: TinyDemo,
};
