import { useState } from 'react';
import jobTracerSource from '../../../../shared/trace/job-tracer.ts?raw';
import runTracerSource from '../../timeline/run-tracer.ts?raw';
import { PLACE_INFO, type Place } from '../../../../shared/places';
import { presetParams } from '../../../../shared/workloads/presets';
import { pageClock } from '../../timeline/page-trace';
import { TimelinePanel } from '../../timeline/timeline-panel';
import { useCalibration } from '../../playground/use-calibration';
import type { Chapter, ChapterDemoProps } from '../chapter';
import { DemoStatus } from '../demo-parts';
import { calibrateNow, measureRun, notDone, type MeasuredRun } from '../measure-run';
import { sourceRange } from '../source-range';
import { useChapterRun } from '../use-chapter-run';
import { freezeOutcome } from './freeze-verdict';

/** The freeze chapter's two runs, one after the other, on one timeline. */
const RUN_SECONDS = 1;
const BACKGROUND: Place = 'web-worker';

function TimelineDemo(props: ChapterDemoProps) {
  const calibration = useCalibration();
  const [since, setSince] = useState<number | null>(null);
  const [status, setStatus] = useState('Press Run: the page’s main thread, then Web Workers, on one timeline.');
  const desktop = window.unfreeze?.edition === 'desktop';

  useChapterRun(props.register, async (signal) => {
    const request = {
      workload: 'mandelbrot' as const,
      params: presetParams('mandelbrot', RUN_SECONDS, calibration ?? calibrateNow()),
    };
    setSince(pageClock());
    // In the desktop app a third run blocks Electron's main process: the page keeps its frames, the app does not.
    const places: readonly Place[] = desktop
      ? ['renderer-main', BACKGROUND, 'main-process']
      : ['renderer-main', BACKGROUND];
    const measured = new Map<Place, MeasuredRun>();
    for (const place of places) {
      setStatus(`Running on: ${PLACE_INFO[place].label}…`);
      const run = await measureRun(place, request, signal);
      const why = notDone(run.outcome, `${PLACE_INFO[place].label} run`);
      if (why) {
        setStatus(why);
        return { measured: why, asExpected: false, figures: {} };
      }
      measured.set(place, run);
    }
    const main = measured.get('renderer-main');
    const background = measured.get(BACKGROUND);
    if (!main || !background) throw new Error('a run is missing');
    setStatus('All runs are done: read the timeline from left to right.');
    return freezeOutcome({
      main: main.responsiveness,
      background: background.responsiveness,
      backgroundLabel: PLACE_INFO[BACKGROUND].label,
    });
  });

  return (
    <div className="space-y-4">
      <DemoStatus
        text={calibration ? status : 'Measuring this computer…'}
        fraction={null}
        presenter={props.presenter}
      />
      <TimelinePanel dark={props.dark} presenter={props.presenter} since={since} title="Every thread, both runs" />
    </div>
  );
}

export const timelineChapter: Chapter = {
  id: 'see-it-all',
  tutorialStep: 'freeze',
  concept: 'Every thread on one timeline',
  title: 'See it all at once',
  explanation: [
    'The same Mandelbrot runs twice: first on the page’s main thread, then in Web Workers. The timeline draws ' +
      'each thread as a lane, on one clock: the page’s frames as ticks, the workers’ tiles as bars in their colours, ' +
      'and every message as a line from the thread that sent it to the one that received it.',
    'What to notice: in the first run the page’s lane has a hole with no ticks, one long animation frame as long as ' +
      'the run, and any click you make waits at its edge. In the second the ticks never stop, the workers are busy ' +
      'side by side, and the page only receives their tiles.',
    'In the desktop app a third run blocks Electron’s main process. Its lane, “Electron main process”, is one long ' +
      '“event-loop stall” bar as long as the run, with no IPC inside it: a call the page makes meanwhile waits, and ' +
      'its span begins only where the bar ends. The page’s ticks go on, because its renderer is a process of its own, ' +
      'but the whole app stops answering: its menus, its other windows and every IPC call.',
    '“Export trace” saves the latest run for Perfetto UI or the Performance panel of DevTools; the session’s JSON ' +
      'export keeps the trace of every run of this chapter.',
  ],
  expected:
    'Main thread: a hole in the page’s frames as long as the run. Web Workers: ticks all the way, the workers busy.',
  sources: [
    // Where a worker's spans and messages land on the page's timeline (the rest of the tracer is bookkeeping).
    sourceRange(
      'renderer/src/timeline/run-tracer.ts',
      runTracerSource,
      'export const pageRunTracer',
      'const seen = new Set',
    ),
    sourceRange(
      'shared/trace/job-tracer.ts',
      jobTracerSource,
      'export class JobTracer',
      '/** The trace field of the result',
    ),
  ],
  Demo: TimelineDemo,
};
