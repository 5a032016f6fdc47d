import { useState } from 'react';
import driveSource from '../../../../shared/run/drive.ts?raw';
import { PLACE_INFO, type Place } from '../../../../shared/places';
import { presetParams } from '../../../../shared/workloads/presets';
import startTaskSource from '../../run/start-task.ts?raw';
import { Spinners } from '../../meters/spinners';
import { useCalibration } from '../../playground/use-calibration';
import { formatDuration } from '../../../../shared/format/format-duration';
import type { Chapter, ChapterDemoProps } from '../chapter';
import { DemoStatus, FigureTable } from '../demo-parts';
import { calibrateNow, measureRun, notDone, type MeasuredRun } from '../measure-run';
import { sourceRange } from '../source-range';
import { keptPartOutcome, useChapterRun } from '../use-chapter-run';
import { FREEZE_EXPECTED_TEXT, freezeOutcome, mainThreadFigures, mainThreadSentence } from './freeze-verdict';

/** Long enough to see the spinner stop, short enough for a workshop (and the e2e test). */
const RUN_SECONDS = 1;
const BACKGROUND: Place = 'web-worker';

function FreezeDemo(props: ChapterDemoProps) {
  const calibration = useCalibration();
  const [status, setStatus] = useState<{ text: string; fraction: number | null }>({
    text: 'Press Run: the same Mandelbrot runs on the page’s main thread, then in Web Workers.',
    fraction: null,
  });
  const [runs, setRuns] = useState<{ place: Place; run: MeasuredRun }[]>([]);

  const { running } = useChapterRun(props.register, async (signal) => {
    const request = {
      workload: 'mandelbrot' as const,
      params: presetParams('mandelbrot', RUN_SECONDS, calibration ?? calibrateNow()),
    };
    setRuns([]);
    const measured: Record<string, MeasuredRun> = {};
    for (const place of ['renderer-main', BACKGROUND] as const) {
      setStatus({ text: `Running on: ${PLACE_INFO[place].label}…`, fraction: 0 });
      const run = await measureRun(place, request, signal, {
        onProgress: (p) =>
          setStatus({
            text: `Running on: ${PLACE_INFO[place].label}…`,
            fraction: p.total > 0 ? p.done / p.total : null,
          }),
      });
      const why = notDone(run.outcome, `${PLACE_INFO[place].label} run`);
      const main = measured['renderer-main'];
      if (why && run.outcome.status === 'cancelled' && main) {
        // Esc pressed while the page was frozen is heard only once the main-thread half is over, so
        // it lands in the second half: keep the first and say why the second is missing.
        const text =
          'Cancelled during the Web Workers half — an Esc pressed while the page was frozen reaches it only once the ' +
          `main-thread half is over. What ran: ${mainThreadSentence(main.responsiveness)}`;
        setStatus({ text, fraction: null });
        return keptPartOutcome({ measured: text, asExpected: false, figures: mainThreadFigures(main.responsiveness) });
      }
      if (why) {
        setStatus({ text: why, fraction: null });
        return { measured: why, asExpected: false, figures: {} };
      }
      measured[place] = run;
      setRuns((r) => [...r, { place, run }]);
    }
    const main = measured['renderer-main'];
    const background = measured[BACKGROUND];
    if (!main || !background) throw new Error('a run is missing');
    setStatus({ text: 'Both runs are done.', fraction: 1 });
    return freezeOutcome({
      main: main.responsiveness,
      background: background.responsiveness,
      backgroundLabel: PLACE_INFO[BACKGROUND].label,
    });
  });

  return (
    <div className="space-y-4">
      {/* The spinners' own captions are screen-sized: presenter mode lifts them to projector size. */}
      <Spinners className={props.presenter ? '[&_button]:text-xl [&_figcaption]:text-xl [&_p]:text-xl' : 'max-w-md'} />
      <DemoStatus
        text={calibration ? status.text : 'Measuring this computer…'}
        fraction={running ? status.fraction : null}
        presenter={props.presenter}
      />
      {runs.length > 0 && (
        <FigureTable
          presenter={props.presenter}
          head={['Where', 'Wall time', 'Worst frame gap', 'Frames > 50 ms']}
          rows={runs.map(({ place, run }) => [
            PLACE_INFO[place].label,
            formatDuration(run.responsiveness.durationMs),
            formatDuration(run.responsiveness.worstGapMs),
            run.responsiveness.framesOver50,
          ])}
        />
      )}
    </div>
  );
}

export const freezeChapter: Chapter = {
  id: 'freeze',
  tutorialStep: 'freeze',
  concept: 'Why a user interface freezes',
  title: 'The freeze: main thread or background',
  explanation: [
    'A page has one main thread. It runs your JavaScript, lays out the page, paints frames and handles every ' +
      'click and key press, one job after another.',
    'Give it a long computation and everything else waits in the queue behind it. The main thread produces no new ' +
      'frames — no requestAnimationFrame, no style, layout or paint — so the JavaScript spinner stops, and clicks ' +
      'and keys are handled only when the work is over.',
    'The compositor, a thread of its own, still draws: it keeps turning the CSS spinner it was handed, which is ' +
      'why that one never stops.',
    'Move the very same work into Web Workers and the main thread only paints the results as they arrive. The ' +
      'work takes about as long; the page never stops.',
  ],
  expected: FREEZE_EXPECTED_TEXT,
  sources: [
    sourceRange('shared/run/drive.ts', driveSource, 'export function driveBlocking'),
    sourceRange('renderer/src/run/start-task.ts', startTaskSource, 'export function startTask'),
  ],
  Demo: FreezeDemo,
};
