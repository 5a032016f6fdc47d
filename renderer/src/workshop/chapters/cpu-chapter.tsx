import { useState } from 'react';
import runInPoolSource from '../../../../shared/run/run-in-pool.ts?raw';
import mandelbrotSource from '../../../../shared/workloads/mandelbrot.ts?raw';
import { runInPool } from '../../../../shared/run/run-in-pool';
import { presetParams } from '../../../../shared/workloads/presets';
import { isDesktop } from '../../edition';
import { useCalibration } from '../../playground/use-calibration';
import { startHostTask } from '../../run/host-task';
import { defaultPoolSize, webWorkerPool } from '../../run/web-worker-pool';
import type { RunningTask, TaskListener, TaskRequest } from '../../../../shared/run/task-request';
import { formatDuration } from '../../../../shared/format/format-duration';
import type { Chapter, ChapterDemoProps } from '../chapter';
import { DemoStatus, FigureTable } from '../demo-parts';
import { calibrateNow, notDone } from '../measure-run';
import { sourceRange } from '../source-range';
import { useChapterRun } from '../use-chapter-run';
import { SpeedupChart } from './speedup-chart';
import { speedupOutcome, speedupRows, type SpeedupPoint } from './speedup';
import { speedupExpectation, type SpeedupExpectation } from './speedup-expectation';

/** Seconds of work on one worker: each count of workers runs the same picture. */
const RUN_SECONDS = 0.8;

type Where = 'web-worker' | 'worker-thread';
const WHERE_LABEL: Record<Where, string> = {
  'web-worker': 'Web Workers',
  'worker-thread': 'worker threads (main process side)',
};

/**
 * The same split in either kind of worker: the page's Web Worker pool, or (desktop app) the main
 * process's worker_threads pool through the host-task path, asked for `workers` shares.
 */
function startSplit(where: Where, request: TaskRequest, listener: TaskListener, workers: number): RunningTask {
  const api = window.unfreeze;
  if (where === 'worker-thread' && api)
    return startHostTask(api, 'worker-thread', request, listener, { shards: workers });
  return runInPool(webWorkerPool(), request, listener, () => performance.now(), workers);
}

/** Logical processors (hardware threads), which is what `hardwareConcurrency` counts — not cores. */
function processors(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

let measuredHere: SpeedupExpectation | null = null;

/**
 * What this computer can be expected to do: the "Expected" text and the verdict both come from it.
 * Asked for on first use, not at import, so the chapter list loads where there is no navigator.
 */
function expectation(): SpeedupExpectation {
  measuredHere ??= speedupExpectation(processors(), defaultPoolSize());
  return measuredHere;
}

function CpuDemo(props: ChapterDemoProps) {
  const calibration = useCalibration();
  const maxWorkers = defaultPoolSize();
  const desktop = isDesktop();
  const [where, setWhere] = useState<Where>('web-worker');
  const [points, setPoints] = useState<readonly SpeedupPoint[]>([]);
  const [status, setStatus] = useState<{ text: string; fraction: number | null }>({
    text: `Press Run: the same Mandelbrot is split over 1 to ${maxWorkers} Web ${maxWorkers === 1 ? 'Worker' : 'Workers'}.`,
    fraction: null,
  });

  const { running } = useChapterRun(props.register, async (signal) => {
    if (where === 'web-worker') webWorkerPool().warm();
    const request = {
      workload: 'mandelbrot' as const,
      params: presetParams('mandelbrot', RUN_SECONDS, calibration ?? calibrateNow()),
    };
    const measured: SpeedupPoint[] = [];
    setPoints([]);
    for (let workers = 1; workers <= maxWorkers; workers++) {
      const label = `${workers} ${workers === 1 ? 'worker' : 'workers'}`;
      setStatus({ text: `Running on ${label}…`, fraction: 0 });
      const started = performance.now();
      const task = startSplit(
        where,
        request,
        { onProgress: (p) => setStatus({ text: `Running on ${label}…`, fraction: p.done / p.total }) },
        workers,
      );
      signal.attach(task);
      const outcome = await task.outcome;
      signal.attach(null);
      const why = notDone(outcome, `run on ${label}`);
      if (why) {
        setStatus({ text: why, fraction: null });
        return { measured: why, asExpected: false, figures: {} };
      }
      measured.push({ workers, wallMs: performance.now() - started });
      setPoints([...measured]);
    }
    setStatus({ text: 'All runs are done.', fraction: 1 });
    const outcome = speedupOutcome(measured, expectation());
    return { ...outcome, measured: `${WHERE_LABEL[where]}: ${outcome.measured}` };
  });

  const rows = speedupRows(points);
  return (
    <div className="space-y-4">
      {desktop && (
        <fieldset className="flex flex-wrap items-center gap-4" disabled={running}>
          <legend className="sr-only">Which workers</legend>
          {(['web-worker', 'worker-thread'] as const).map((w) => (
            <label key={w} className={`flex items-center gap-2 ${props.presenter ? 'text-xl' : 'text-base'}`}>
              <input
                type="radio"
                name="cpu-where"
                value={w}
                checked={where === w}
                onChange={() => setWhere(w)}
                className="accent-sky-600"
              />
              {WHERE_LABEL[w]}
            </label>
          ))}
        </fieldset>
      )}
      <DemoStatus
        text={calibration ? status.text : 'Measuring this computer…'}
        fraction={running ? status.fraction : null}
        presenter={props.presenter}
      />
      <SpeedupChart
        rows={rows}
        maxWorkers={maxWorkers}
        cores={processors()}
        height={props.presenter ? 320 : 240}
        presenter={props.presenter}
      />
      {rows.length > 0 && (
        <FigureTable
          presenter={props.presenter}
          head={['Workers', 'Wall time', 'Speedup', 'Of linear']}
          rows={rows.map((r) => [
            r.workers,
            formatDuration(r.wallMs),
            `${r.speedup.toFixed(2)}×`,
            `${Math.round(r.efficiency * 100)} %`,
          ])}
        />
      )}
      <p className={`${props.presenter ? 'text-xl' : 'text-sm'} text-slate-600 dark:text-slate-300`}>
        <code>navigator.hardwareConcurrency</code> reports {processors()} logical{' '}
        {processors() === 1 ? 'processor' : 'processors'} (hardware threads, not necessarily cores); the pool has{' '}
        {maxWorkers} {maxWorkers === 1 ? 'worker' : 'workers'}, and the page’s own thread runs beside them.
      </p>
    </div>
  );
}

export const cpuChapter: Chapter = {
  id: 'cpu-bound',
  tutorialStep: 'cpu-bound',
  concept: 'I/O-bound vs CPU-bound, GIL vs multiprocessing',
  title: 'CPU-bound work needs more cores, not more waiting',
  explanation: [
    'Waiting is cheap to share: while one download waits for the network, a single event loop can serve a hundred ' +
      'others (the downloads chapters show it). Computing is different: a thread that calculates is busy every ' +
      'moment, and only another core can help.',
    'Python’s threads share one interpreter lock in its standard builds¹, so CPU-bound Python code needs processes. ' +
      'JavaScript has no ' +
      'such lock, but a page still has one main thread; Web Workers (and worker threads or utility processes in the ' +
      'desktop app) are the separate threads of execution that run on the other cores.',
    'Here one Mandelbrot picture is split into tiles shared out over 1, 2, … workers. Each extra logical processor ' +
      'should finish the same picture faster, until there are none left. navigator.hardwareConcurrency counts ' +
      'logical processors (two hardware threads of one core count as two), and the page’s own thread, which ' +
      'receives the tiles and paints, competes with the workers for them.',
    '¹ Python 3.13 also comes as an optional free-threaded build without that lock (PEP 703; the python3.13t ' +
      'executable), in which threads can compute on several cores at once.',
  ],
  get expected() {
    return expectation().text;
  },
  sources: [
    sourceRange('shared/run/run-in-pool.ts', runInPoolSource, 'export function runInPool', 'lanes.forEach'),
    sourceRange('shared/workloads/mandelbrot.ts', mandelbrotSource, 'function tilesOfShard'),
  ],
  Demo: CpuDemo,
};
