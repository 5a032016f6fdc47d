import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PLACE_INFO, type Place } from '../../../shared/places';
import { presetParams, PRESET_SECONDS, SIZE_PRESETS } from '../../../shared/workloads/presets';
import {
  getPlaygroundWorkload,
  PLAYGROUND_WORKLOADS,
  type PlaygroundWorkload,
} from '../../../shared/workloads/registry';
import type { ViewKind } from '../../../shared/workloads/workload';
import { CrashLab } from '../desktop/crash-lab';
import { DesktopOnlyCard } from '../desktop/desktop-only-card';
import { MainProcessCard, type MainRun } from '../desktop/main-process-card';
import { ProcessesCard } from '../desktop/processes-card';
import { FrameChart, type PinnedWindow } from '../meters/frame-chart';
import { FreezeCue } from '../meters/freeze-cue';
import { InputControls, InputDelays } from '../meters/input-probe';
import { LiveVerdict } from '../meters/live-verdict';
import { RunFigures } from '../meters/run-figures';
import { Spinners } from '../meters/spinners';
import { ALERT, CARD } from '../ui/card';
import { parseDeepLink } from './deep-link';
import { FirstVisitGuide } from './first-visit-guide';
import { Lanes } from './lanes';
import type { OutputHandle } from './output-view';
import { BACKGROUND_PLACE, PlacePicker } from './place-picker';
import { ResultsStrip } from './results-strip';
import { RunHeadline } from './run-headline';
import { RunStatus } from './run-status';
import { usePlaceFactor } from '../run/place-factors';
import { useCalibration } from './use-calibration';
import { useGuide } from './use-guide';
import { useRunHistory } from './use-run-history';
import { useTaskRun, type RunEnd } from './use-task-run';
import { WorkloadOutput } from './workload-output';
import { SegmentedControl } from '../ui/segmented-control';
import { useKeepFocus } from '../ui/use-keep-focus';
import { ExportBar } from '../session/export-bar';
import { TimelinePanel } from '../timeline/timeline-panel';

const FOCUS = 'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500';
const LINK_ALERT = `${ALERT} p-4`;
/** The stage's two panels: tighter than a CARD, so the whole story fits a 1280×720 projector. */
const STAGE = [
  'min-w-0 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm',
  'dark:border-slate-800 dark:bg-slate-900',
].join(' ');
const START_BUTTON = [
  'rounded-xl bg-sky-700 px-7 py-2.5 text-xl font-bold text-white shadow hover:bg-sky-800 disabled:opacity-50',
  FOCUS,
].join(' ');
const CANCEL_BUTTON = [
  'rounded-xl border border-slate-300 px-5 py-2.5 text-xl font-medium hover:bg-slate-100 disabled:opacity-50',
  'dark:border-slate-600 dark:hover:bg-slate-800',
  FOCUS,
].join(' ');
const MAIN_PROCESS_WARNING = [
  'rounded-xl border border-rose-300 bg-rose-50 p-3 text-base text-rose-950',
  'dark:border-rose-500/50 dark:bg-rose-950/40 dark:text-rose-100',
].join(' ');
const TIMELINE_CARD = [
  'min-w-0 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm',
  'dark:border-slate-800 dark:bg-slate-900',
].join(' ');

interface Props {
  readonly desktop: boolean;
  readonly dark: boolean;
}

/**
 * The Playground (ARCHITECTURE.md, "The screens"): on one projector screen the place toggle,
 * Start, both spinners, the live verdict and the headline result; below it the output, the
 * figures in detail and, in the desktop app, the main-process meters.
 */
export function Playground({ desktop, dark }: Props) {
  // Read once per visit: coming back from another screen must not replay an autorun link.
  const [link] = useState(() => parseDeepLink(window.location.search, { desktop, fallback: BACKGROUND_PLACE }));
  const calibration = useCalibration();
  const guide = useGuide();
  const [place, setPlace] = useState<Place>(() => {
    const p = link.link.place;
    if (p && (desktop || !PLACE_INFO[p].desktopOnly)) return p;
    // A first visit starts where the story does: on the main thread, to watch it freeze.
    return guide.step === 'main' ? 'renderer-main' : BACKGROUND_PLACE;
  });
  const [workload, setWorkload] = useState<PlaygroundWorkload>(link.link.workload ?? PLAYGROUND_WORKLOADS[0]);
  const [size, setSize] = useState<number>(link.link.size ?? PRESET_SECONDS['3s']);
  const [linkErrors, setLinkErrors] = useState<readonly string[]>(link.errors);
  const history = useRunHistory();

  // The workload's output view (a canvas, a result line) hears about the run through this handle.
  const output = useRef<OutputHandle<ViewKind>>(null);
  const onChunks = useCallback((chunks: readonly unknown[], lane: number, where: Place) => {
    output.current?.chunks(chunks, lane, where);
  }, []);
  const { ranOn } = guide;
  const onEnd = useCallback((end: RunEnd) => ranOn(end.place, end.status), [ranOn]);
  const { view, progress, start, cancel } = useTaskRun(onChunks, onEnd);
  // What runs in this place have taught the presets (1 until a run missed its size by > 10 %).
  const factor = usePlaceFactor(place, workload);
  const running = view.phase === 'starting' || view.phase === 'running';
  // Start disables itself as the run begins: focus moves to Cancel, and back to Start at the end.
  const runButtons = useRef<HTMLDivElement>(null);
  useKeepFocus(runButtons);

  const run = useCallback(() => {
    if (!calibration) return;
    const params = presetParams(workload, size, calibration, factor);
    output.current?.begin(params);
    void start(place, { workload, params }, size);
  }, [calibration, workload, size, place, start, factor]);

  // A presenter's deep link starts the run once the presets are calibrated.
  const autorun = useRef(link.link.autorun && link.errors.length === 0);
  useEffect(() => {
    if (calibration && autorun.current) {
      autorun.current = false;
      run();
    }
  }, [calibration, run]);

  const facts = getPlaygroundWorkload(workload);
  const preset = calibration ? presetParams(workload, size, calibration, factor) : null;
  const info = PLACE_INFO[place];
  // A crash-lab task still holding a worker: a run on that pool would queue one share behind it.
  const [crashBusy, setCrashBusy] = useState(false);
  // Stable between renders, so the main-process card measures each run once.
  const mainRun = useMemo<MainRun | null>(
    () => (view.place && view.window ? { place: view.place, window: view.window } : null),
    [view.place, view.window],
  );
  // After a run the chart holds its window, until the next run starts.
  const pinned = useMemo<PinnedWindow | null>(
    () => (!running && view.window !== null ? view.window : null),
    [running, view.window],
  );

  return (
    <div className="space-y-5">
      {linkErrors.length > 0 && (
        <div role="alert" className={LINK_ALERT}>
          <p className="font-semibold">This link could not be followed as written</p>
          <ul className="mt-1 list-disc pl-5 text-base" data-testid="link-errors">
            {linkErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <button type="button" className="mt-2 text-base font-medium underline" onClick={() => setLinkErrors([])}>
            Dismiss
          </button>
        </div>
      )}

      {/* The stage: everything the story needs, on one projector screen. */}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)]">
        <section aria-labelledby="run-heading" className={`${STAGE} space-y-3`} data-testid="stage-run">
          <h2 id="run-heading" className="sr-only">
            Run a workload
          </h2>
          <FirstVisitGuide guide={guide} />
          <PlacePicker
            place={place}
            desktop={desktop}
            disabled={running}
            onChange={setPlace}
            summary={`${facts.title}, ≈${size} s`}
          >
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              <SegmentedControl
                label="Workload"
                value={workload}
                options={PLAYGROUND_WORKLOADS.map((w) => ({ value: w, label: getPlaygroundWorkload(w).title }))}
                disabled={running}
                onChange={setWorkload}
              />
              <SegmentedControl
                label="Size"
                value={String(size)}
                options={sizeOptionsWith(link.link.size)}
                disabled={running}
                onChange={(v) => setSize(Number(v))}
              />
            </div>
          </PlacePicker>
          {place === 'main-process' && (
            <p className={MAIN_PROCESS_WARNING} data-testid="main-process-warning">
              <span className="font-semibold">This blocks Electron’s main process: the whole app freezes.</span> Every
              window, its menus and your clicks wait, and so does this page’s IPC — watch the ping stall. It can’t be
              cancelled: the cancel request would wait in the same blocked queue until the run is over.
            </p>
          )}
          {crashBusy && (place === 'worker-thread' || place === 'utility-process') && (
            <p className="text-base text-amber-800 dark:text-amber-300">
              A crash-lab task still holds a worker: cancel it there first, or part of this run waits for that worker.
            </p>
          )}
          {/* What cannot change while the page is frozen (status, clock, headline) sits under the cue. */}
          <div ref={runButtons} className="relative space-y-3" data-testid="run-live">
            <RunStatus view={view} progress={progress}>
              <button type="button" onClick={run} disabled={running || !calibration} className={START_BUTTON}>
                Start
              </button>
              <button
                type="button"
                onClick={cancel}
                disabled={!running || !info.cancellable}
                title={info.cancellable ? undefined : 'A run on a blocked thread cannot hear the click until it ends'}
                className={CANCEL_BUTTON}
              >
                Cancel
              </button>
            </RunStatus>
            <RunHeadline view={view} place={place} />
            <FreezeCue big className="-m-1" />
          </div>
          <ResultsStrip entries={history.entries} onClear={history.clear} />
          <ExportBar source="playground" desktop={desktop} />
        </section>

        <section aria-labelledby="meters-heading" className={`${STAGE} space-y-3`} data-testid="stage-meters">
          <h2 id="meters-heading" className="text-xl font-semibold">
            Is this page responsive?
          </h2>
          <Spinners explain={false} row />
          <div className="relative space-y-2">
            <LiveVerdict />
            <p className="text-base text-slate-600 dark:text-slate-300" data-testid="chart-mode">
              {pinned === null
                ? 'Frame gaps, last 10 s — over 50 ms turns red'
                : 'Frame gaps of the last run (shaded), kept until the next run'}
            </p>
            <FrameChart pinned={pinned} height={130} />
            <FreezeCue title="Frozen" detail="No new frame: these readings wait for the page’s thread." />
          </div>
          <InputControls />
        </section>
      </div>

      {/* The timeline of every thread and process (renderer/src/timeline/), below the stage. */}
      <div className={TIMELINE_CARD}>
        <TimelinePanel dark={dark} />
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className={`${CARD} min-w-0 space-y-3`}>
          <WorkloadOutput name={workload} title={facts.title} run={view} running={running} dark={dark} ref={output} />
          {view.resultText && (
            <p className="text-base text-slate-700 dark:text-slate-200" data-testid="result">
              Result: {view.resultText}
            </p>
          )}
          <Lanes place={view.place} progress={progress} />
          <p className="text-base text-slate-600 dark:text-slate-300" data-testid="preset-note">
            {preset
              ? `Size, estimated from a short calibration on this computer: ${facts.describeParams(preset)} ` +
                '(about that long on one thread; the clock above says how long it really took).'
              : 'Measuring this computer, so that the sizes are estimates for this machine…'}
          </p>
        </div>
        <section
          aria-labelledby="details-heading"
          className={`${CARD} @container min-w-0 space-y-4`}
          aria-live="polite"
        >
          <h3 id="details-heading" className="text-xl font-semibold">
            The last run in detail
          </h3>
          {running ? (
            <p className="text-lg text-slate-700 dark:text-slate-200" data-testid="meters-measuring">
              Measuring this run… the figures appear when it ends.
            </p>
          ) : view.responsiveness === null ? (
            <p className="text-lg text-slate-700 dark:text-slate-200">
              Start a run to see how responsive the page stayed.
            </p>
          ) : (
            <RunFigures run={view.responsiveness} sentence={false} />
          )}
          <InputDelays lastRun={view.responsiveness} />
        </section>
      </div>

      {desktop && <CrashLab runActive={running} onBusyChange={setCrashBusy} />}
      {desktop ? <MainProcessCard lastRun={mainRun} running={running} /> : <DesktopOnlyCard />}
      {desktop && <ProcessesCard />}
    </div>
  );
}

// A link may ask for a size that is not a preset ("size=2s"): it joins the choices.
function sizeOptionsWith(linked: number | undefined) {
  return [...new Set([...SIZE_PRESETS.map((p) => PRESET_SECONDS[p]), ...(linked ? [linked] : [])])]
    .sort((a, b) => a - b)
    .map((seconds) => ({ value: String(seconds), label: `≈${seconds} s` }));
}
