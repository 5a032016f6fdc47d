import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  compareUpdateSchema,
  type CompareSetup,
  type Pane,
  type PaneCommand,
} from '../../../shared/compare/compare-protocol';
import { compareSummary } from '../../../shared/compare/compare-summary';
import { planStart } from '../../../shared/compare/sync-start';
import { PLACE_INFO } from '../../../shared/places';
import { presetParams } from '../../../shared/workloads/presets';
import type { ScreenProps } from '../nav/screen-props';
import { useCalibration } from '../playground/use-calibration';
import { CARD } from '../ui/card';
import { frameToPageSchema } from './pane-transport';
import { sharedClock } from './run-pane';
import { SetupPicker, type PickedSetup } from './setup-picker';
import { SummaryTable } from './summary-table';
import { useReports } from './use-reports';
import { messageOf } from '../../../shared/errors/message-of';

const PRIMARY =
  'rounded-xl bg-sky-600 px-6 py-3 text-lg font-semibold text-white shadow hover:bg-sky-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50';
const SECONDARY =
  'rounded-xl border border-slate-300 px-5 py-3 text-lg font-medium hover:bg-slate-100 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';

function useSetup(initial: PickedSetup): [PickedSetup, (v: PickedSetup) => void, CompareSetup | null] {
  const calibration = useCalibration();
  const [picked, setPicked] = useState(initial);
  const setup = useMemo<CompareSetup | null>(
    () =>
      calibration
        ? {
            left: picked.left,
            right: picked.right,
            request: { workload: picked.workload, params: presetParams(picked.workload, picked.seconds, calibration) },
          }
        : null,
    [calibration, picked],
  );
  return [picked, setPicked, setup];
}

function MainProcessNote({ picked }: { readonly picked: PickedSetup }) {
  if (picked.left !== 'main-process' && picked.right !== 'main-process') return null;
  return (
    <p
      className="rounded-xl border border-rose-300 bg-rose-50 p-3 text-base text-rose-950 dark:border-rose-500/50 dark:bg-rose-950/40 dark:text-rose-100"
      data-testid="compare-main-process-note"
    >
      <span className="font-semibold">The main process is chosen: this freezes both panes.</span> Each pane has its own
      renderer, but both — and every other window — depend on Electron’s one main process for input, window management
      and IPC. Block it and the pane that runs in the background stops answering too: watch “Main process unresponsive”
      rise on both sides. That is the lesson.
    </p>
  );
}

const labelsOf = (s: { left: PickedSetup['left']; right: PickedSetup['right'] }): Record<Pane, string> => ({
  left: PLACE_INFO[s.left].label,
  right: PLACE_INFO[s.right].label,
});

/** The desktop app: this screen sets up and starts the two-pane compare window, and sums up. */
function DesktopCompare() {
  const [picked, setPicked, setup] = useSetup({
    left: 'renderer-main',
    right: 'web-worker',
    workload: 'mandelbrot',
    seconds: 2,
  });
  const [opened, setOpened] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const reports = useReports();
  const { begin, take } = reports;
  const [labels, setLabels] = useState(() => labelsOf(picked));
  const running = reports.runId > 0 && !reports.done;

  useEffect(() => {
    const api = window.unfreeze;
    if (!api) return;
    return api.onCompareUpdate((raw) => {
      const parsed = compareUpdateSchema.safeParse(raw);
      if (!parsed.success)
        return setMessage({ error: true, text: 'The main process sent a malformed compare update.' });
      const update = parsed.data;
      if (update.type === 'started') begin(update.runId);
      else if (update.type === 'report') take(update.report);
      else {
        setOpened(false);
        setMessage({ error: false, text: 'The compare window was closed.' });
      }
    });
  }, [begin, take]);

  const open = async () => {
    const api = window.unfreeze;
    if (!api || !setup) return;
    try {
      await api.openCompare(setup);
      setOpened(true);
      setMessage({ error: false, text: 'The compare window is open: press Start when both panes say “Ready”.' });
    } catch (error) {
      setMessage({ error: true, text: messageOf(error) });
    }
  };
  const start = async () => {
    const api = window.unfreeze;
    if (!api || !setup) return;
    try {
      // Sends the current setup to both panes (and brings the window forward), then the start.
      await api.openCompare(setup);
      setLabels(labelsOf(setup));
      const { startAt } = await api.startCompare();
      setMessage({
        error: false,
        text: `Both panes start at the same instant, ${Math.round(startAt - sharedClock())} ms from now.`,
      });
    } catch (error) {
      setMessage({ error: true, text: messageOf(error) });
    }
  };

  return (
    <div className="space-y-6">
      <section className={`${CARD} space-y-5`} aria-labelledby="compare-heading">
        <div>
          <h2 id="compare-heading" className="text-2xl font-semibold">
            Compare: the same work, side by side
          </h2>
          <p className="mt-1 max-w-4xl text-slate-600 dark:text-slate-300">
            One window, two panes, each its own renderer process. Both run the identical workload and start at the same
            instant; each keeps its own live meters. By default the left pane computes on its own main thread and the
            right one in the background.
          </p>
        </div>
        <SetupPicker value={picked} desktop disabled={running} onChange={setPicked} />
        <MainProcessNote picked={picked} />
        <div className="flex flex-wrap gap-3">
          <button type="button" className={SECONDARY} onClick={() => void open()} disabled={!setup}>
            {opened ? 'Show the compare window' : 'Open the compare window'}
          </button>
          <button
            type="button"
            className={PRIMARY}
            onClick={() => void start()}
            disabled={!opened || !setup || running}
            data-testid="compare-start"
          >
            Start both
          </button>
        </div>
        {message && (
          <p
            role={message.error ? 'alert' : 'status'}
            className={message.error ? 'text-rose-700 dark:text-rose-300' : 'text-slate-600 dark:text-slate-300'}
          >
            {message.text}
          </p>
        )}
      </section>
      <SummarySection reports={reports} labels={labels} />
    </div>
  );
}

/**
 * The web edition: a page cannot open a second renderer process for itself. The closest honest
 * equivalent is two same-origin frames, which share the page's one main thread, so a freeze in
 * one freezes both. That is measured here rather than hidden.
 */
function WebCompare() {
  const [picked, setPicked, setup] = useSetup({
    left: 'renderer-main',
    right: 'web-worker',
    workload: 'mandelbrot',
    seconds: 1,
  });
  const frames = useRef<Record<Pane, HTMLIFrameElement | null>>({ left: null, right: null });
  const [ready, setReady] = useState<ReadonlySet<Pane>>(new Set());
  const reports = useReports();
  const { begin, take } = reports;
  const [labels, setLabels] = useState(() => labelsOf(picked));
  const runCounter = useRef(0);
  const running = reports.runId > 0 && !reports.done;

  const post = useCallback((pane: Pane, command: PaneCommand) => {
    frames.current[pane]?.contentWindow?.postMessage(command, window.location.origin);
  }, []);

  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>) => {
      if (event.origin !== window.location.origin) return;
      const pane = (['left', 'right'] as const).find((p) => frames.current[p]?.contentWindow === event.source);
      if (!pane) return;
      const parsed = frameToPageSchema.safeParse(event.data);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'unfreeze-pane-ready' && message.pane === pane) {
        setReady((r) => new Set([...r, pane]));
      } else if (message.type === 'unfreeze-pane-report' && message.report.pane === pane) {
        take(message.report);
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [take]);

  // Every ready pane always shows the current setup.
  useEffect(() => {
    if (!setup) return;
    for (const pane of ready) post(pane, { type: 'setup', pane, setup });
  }, [ready, setup, post]);

  const start = () => {
    if (!setup || ready.size < 2) return;
    runCounter.current += 1;
    const runId = runCounter.current;
    begin(runId);
    setLabels(labelsOf(setup));
    const startAt = planStart(sharedClock());
    for (const pane of ['left', 'right'] as const) post(pane, { type: 'run', pane, runId, setup, startAt });
  };

  return (
    <div className="space-y-6">
      <section className={`${CARD} space-y-5`} aria-labelledby="compare-heading">
        <div>
          <h2 id="compare-heading" className="text-2xl font-semibold">
            Compare: the same work, side by side
          </h2>
          <div className="mt-2 max-w-5xl space-y-2 text-slate-600 dark:text-slate-300" data-testid="web-compare-note">
            <p>
              The desktop app opens one window with two panes, each its own renderer process, so one pane can freeze
              while the other keeps drawing. A web page cannot do that for itself.
            </p>
            <p>
              The closest honest equivalent is below: two frames of this same site. Frames of one origin share the
              page’s one main thread, so <strong>a freeze in one pane freezes both</strong> — even the pane whose work
              runs in Web Workers stops drawing, and may not even start on time. That is worth seeing. (A frame of
              another site may get a process of its own under site isolation, but this edition is served from a single
              origin.)
            </p>
          </div>
        </div>
        <SetupPicker value={picked} desktop={false} disabled={running} onChange={setPicked} />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={PRIMARY}
            onClick={start}
            disabled={!setup || ready.size < 2 || running}
            data-testid="compare-start"
          >
            Start both
          </button>
          <p role="status" className="text-slate-600 dark:text-slate-300">
            {ready.size < 2 ? 'Loading the two panes…' : running ? 'Running…' : 'Both panes are ready.'}
          </p>
        </div>
      </section>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {(['left', 'right'] as const).map((pane) => (
          <iframe
            key={pane}
            ref={(el) => {
              frames.current[pane] = el;
            }}
            title={`${pane} pane`}
            src={`?screen=compare&pane=${pane}`}
            className="h-[640px] w-full rounded-2xl border border-slate-200 dark:border-slate-800"
            data-testid={`frame-${pane}`}
          />
        ))}
      </div>
      <SummarySection reports={reports} labels={labels} />
    </div>
  );
}

/** Both panes' figures side by side once both have reported; until then, who is still running. */
function SummarySection({
  reports,
  labels,
}: {
  readonly reports: ReturnType<typeof useReports>;
  readonly labels: Record<Pane, string>;
}) {
  if (reports.runId === 0) return null;
  return (
    <section className={CARD} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="mb-3 text-xl font-semibold">
        Summary
      </h2>
      {reports.left && reports.right ? (
        <SummaryTable summary={compareSummary(reports.left, reports.right, labels)} labels={labels} />
      ) : (
        <p role="status">
          Running…{' '}
          {reports.left ? 'the left pane is done' : reports.right ? 'the right pane is done' : 'waiting for both panes'}
          .
        </p>
      )}
    </section>
  );
}

export function CompareScreen({ desktop }: ScreenProps) {
  return desktop ? <DesktopCompare /> : <WebCompare />;
}
