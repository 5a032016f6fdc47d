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
import { MetersPanel } from '../meters/meters-panel';
import { parseDeepLink } from './deep-link';
import { Lanes } from './lanes';
import type { OutputHandle } from './output-view';
import { BACKGROUND_PLACE, PlacePicker } from './place-picker';
import { RunStatus } from './run-status';
import { useCalibration } from './use-calibration';
import { useTaskRun } from './use-task-run';
import { WorkloadOutput } from './workload-output';
import { ALERT } from '../ui/card';
import { TimelinePanel } from '../timeline/timeline-panel';

const FOCUS = 'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500';
const LINK_ALERT = `${ALERT} p-4`;
const START_BUTTON = [
  'rounded-xl bg-sky-600 px-6 py-3 text-lg font-semibold text-white shadow hover:bg-sky-700 disabled:opacity-50',
  FOCUS,
].join(' ');
const CANCEL_BUTTON = [
  'rounded-xl border border-slate-300 px-5 py-3 text-lg font-medium hover:bg-slate-100 disabled:opacity-40',
  'dark:border-slate-600 dark:hover:bg-slate-800',
  FOCUS,
].join(' ');
const MAIN_PROCESS_WARNING = [
  'rounded-xl border border-rose-300 bg-rose-50 p-3 text-base text-rose-950',
  'dark:border-rose-500/50 dark:bg-rose-950/40 dark:text-rose-100',
].join(' ');
const TIMELINE_CARD = [
  'min-w-0 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm xl:col-span-2',
  'dark:border-slate-800 dark:bg-slate-900',
].join(' ');
const SEGMENT =
  'rounded-lg px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-60';

interface Props {
  readonly desktop: boolean;
  readonly dark: boolean;
}

export function Playground({ desktop, dark }: Props) {
  // Read once per visit: coming back from another screen must not replay an autorun link.
  const [link] = useState(() => parseDeepLink(window.location.search, { desktop, fallback: BACKGROUND_PLACE }));
  const calibration = useCalibration();
  const [place, setPlace] = useState<Place>(() => {
    const p = link.link.place;
    return p && (desktop || !PLACE_INFO[p].desktopOnly) ? p : BACKGROUND_PLACE;
  });
  const [workload, setWorkload] = useState<PlaygroundWorkload>(link.link.workload ?? PLAYGROUND_WORKLOADS[0]);
  const [size, setSize] = useState<number>(link.link.size ?? PRESET_SECONDS['3s']);
  const [linkErrors, setLinkErrors] = useState<readonly string[]>(link.errors);

  // The workload's output view (a canvas, a result line) hears about the run through this handle.
  const output = useRef<OutputHandle<ViewKind>>(null);
  const onChunks = useCallback((chunks: readonly unknown[], lane: number, where: Place) => {
    output.current?.chunks(chunks, lane, where);
  }, []);
  const { view, start, cancel } = useTaskRun(onChunks);
  const running = view.phase === 'starting' || view.phase === 'running';

  const run = useCallback(() => {
    if (!calibration) return;
    const params = presetParams(workload, size, calibration);
    output.current?.begin(params);
    void start(place, { workload, params });
  }, [calibration, workload, size, place, start]);

  // A presenter's deep link starts the run once the presets are calibrated.
  const autorun = useRef(link.link.autorun && link.errors.length === 0);
  useEffect(() => {
    if (calibration && autorun.current) {
      autorun.current = false;
      run();
    }
  }, [calibration, run]);

  const facts = getPlaygroundWorkload(workload);
  const preset = calibration ? presetParams(workload, size, calibration) : null;
  const info = PLACE_INFO[place];
  // A crash-lab task still holding a worker: a run on that pool would queue one share behind it.
  const [crashBusy, setCrashBusy] = useState(false);
  // Stable between renders, so the main-process card measures each run once.
  const mainRun = useMemo<MainRun | null>(
    () => (view.place && view.window ? { place: view.place, window: view.window } : null),
    [view.place, view.window],
  );

  return (
    // grid-cols-1 (minmax(0, 1fr)), not an auto track: a wide table must scroll in its card, not widen the page.
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1.25fr)_minmax(0,1fr)]">
      <div className="min-w-0 space-y-6">
        <section aria-labelledby="run-heading" className="space-y-6">
          {linkErrors.length > 0 && (
            <div role="alert" className={LINK_ALERT}>
              <p className="font-semibold">This link could not be followed as written</p>
              <ul className="mt-1 list-disc pl-5 text-sm" data-testid="link-errors">
                {linkErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
              <button type="button" className="mt-2 text-sm font-medium underline" onClick={() => setLinkErrors([])}>
                Dismiss
              </button>
            </div>
          )}

          <div className="space-y-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <h2 id="run-heading" className="sr-only">
              Run a workload
            </h2>
            <div className="flex flex-wrap gap-6">
              <Segmented
                label="Workload"
                value={workload}
                options={PLAYGROUND_WORKLOADS.map((w) => ({ value: w, label: getPlaygroundWorkload(w).title }))}
                disabled={running}
                onChange={setWorkload}
              />
              <Segmented
                label="Size"
                value={String(size)}
                options={sizeOptionsWith(link.link.size)}
                disabled={running}
                onChange={(v) => setSize(Number(v))}
              />
            </div>
            <p className="text-sm text-slate-500 dark:text-slate-400" data-testid="preset-note">
              {preset
                ? `On one thread of this computer: ${facts.describeParams(preset)}.`
                : 'Measuring this computer so that “≈3 s” means three seconds here…'}
            </p>

            <PlacePicker place={place} desktop={desktop} disabled={running} onChange={setPlace} />

            <div className="flex flex-wrap items-center gap-3">
              <button type="button" onClick={run} disabled={running || !calibration} className={START_BUTTON}>
                Start
              </button>
              <button type="button" onClick={cancel} disabled={!running || !info.cancellable} className={CANCEL_BUTTON}>
                Cancel
              </button>
              {place === 'renderer-main' && (
                <p className="max-w-md text-sm text-slate-500 dark:text-slate-400">
                  A blocking run can’t be cancelled: your click on Cancel would wait in the same queue as everything
                  else until the run is over.
                </p>
              )}
            </div>
            {place === 'main-process' && (
              <p className={MAIN_PROCESS_WARNING} data-testid="main-process-warning">
                <span className="font-semibold">This blocks Electron’s main process: the whole app freezes.</span> Every
                window, its menus and your clicks wait, and so does this page’s IPC — watch the ping stall. It can’t be
                cancelled: the cancel request would wait in the same blocked queue until the run is over.
              </p>
            )}
            {crashBusy && (place === 'worker-thread' || place === 'utility-process') && (
              <p className="text-sm text-amber-700 dark:text-amber-300">
                A crash-lab task still holds a worker: cancel it there first, or part of this run waits for that worker.
              </p>
            )}

            <RunStatus view={view} />
            <Lanes view={view} />
          </div>

          <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <WorkloadOutput name={workload} title={facts.title} run={view} running={running} dark={dark} ref={output} />
          </div>
        </section>
        {desktop && <CrashLab runActive={running} onBusyChange={setCrashBusy} />}
      </div>

      <div className="min-w-0 space-y-6">
        <MetersPanel lastRun={view.responsiveness} running={running} />
        {desktop ? <MainProcessCard lastRun={mainRun} running={running} /> : <DesktopOnlyCard />}
      </div>

      {/* The timeline of every thread and process (renderer/src/timeline/), the full width. */}
      <div className={TIMELINE_CARD}>
        <TimelinePanel dark={dark} />
      </div>

      {desktop && (
        <div className="min-w-0 xl:col-span-2">
          <ProcessesCard />
        </div>
      )}
    </div>
  );
}

// A link may ask for a size that is not a preset ("size=2s"): it joins the choices.
function sizeOptionsWith(linked: number | undefined) {
  return [...new Set([...SIZE_PRESETS.map((p) => PRESET_SECONDS[p]), ...(linked ? [linked] : [])])]
    .sort((a, b) => a - b)
    .map((seconds) => ({ value: String(seconds), label: `≈${seconds} s` }));
}

function Segmented<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  disabled: boolean;
  onChange: (value: T) => void;
}) {
  return (
    <div role="radiogroup" aria-label={props.label} className="flex items-center gap-3">
      <span className="text-sm font-medium text-slate-600 dark:text-slate-300">{props.label}</span>
      <div className="inline-flex rounded-xl bg-slate-100 p-1 dark:bg-slate-800">
        {props.options.map((o) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={props.value === o.value}
            disabled={props.disabled}
            onClick={() => props.onChange(o.value)}
            className={`${SEGMENT} ${
              props.value === o.value
                ? 'bg-white shadow dark:bg-slate-600'
                : 'text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
            }`}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}
