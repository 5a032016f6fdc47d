import { useEffect, useRef, useState } from 'react';
import {
  paneCommandSchema,
  type CompareSetup,
  type Pane,
  type PaneResult,
} from '../../../shared/compare/compare-protocol';
import { PLACE_INFO } from '../../../shared/places';
import { getWorkload } from '../../../shared/workloads/registry';
import { mainPinger } from '../desktop/main-pinger';
import { FrameChart } from '../meters/frame-chart';
import { meters } from '../meters/frame-meter';
import { Spinners } from '../meters/spinners';
import { formatSeconds } from '../ui/format';
import { frameTransport, ipcTransport, type PaneTransport } from './pane-transport';
import { runPane } from './run-pane';
import { ProgressBar } from '../ui/progress-bar';
import { messageOf } from '../../../shared/errors/message-of';
import { TimelinePanel } from '../timeline/timeline-panel';

/**
 * One pane of a comparison: its own live meters (spinners, frame chart), its status, and what it
 * measured. It runs what its controller says, when it says, and reports back.
 */
export function ComparePane({ pane, desktop }: { readonly pane: Pane; readonly desktop: boolean }) {
  const [transport] = useState<PaneTransport | null>(() => (desktop ? ipcTransport() : frameTransport()));
  const [setup, setSetup] = useState<CompareSetup | null>(null);
  const [status, setStatus] = useState('Waiting for the comparison to be set up…');
  const [fraction, setFraction] = useState<number | null>(null);
  const [result, setResult] = useState<PaneResult | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    meters.start();
    const api = window.unfreeze;
    return desktop && api ? mainPinger.start(api) : undefined;
  }, [desktop]);

  useEffect(() => {
    if (!transport) return;
    const off = transport.onCommand((raw) => {
      const parsed = paneCommandSchema.safeParse(raw);
      if (!parsed.success || parsed.data.pane !== pane) return;
      const command = parsed.data;
      setSetup(command.setup);
      if (command.type === 'setup') {
        setStatus('Ready: press Start on the Compare screen.');
        return;
      }
      if (busy.current) return;
      busy.current = true;
      setResult(null);
      setStatus('Waiting for the common start…');
      setFraction(0);
      void runPane(command, {
        desktop,
        onStarted: (late) =>
          setStatus(
            late > 20 ? `Running (began ${formatSeconds(late)} late: this thread was busy at the start)…` : 'Running…',
          ),
        onProgress: (p) => setFraction(p.total > 0 ? p.done / p.total : null),
      }).then(async (measured) => {
        busy.current = false;
        setResult(measured);
        setFraction(null);
        setStatus(
          measured.status === 'done'
            ? 'Done.'
            : measured.status === 'cancelled'
              ? 'Cancelled.'
              : `Failed: ${measured.message ?? ''}`,
        );
        await transport.report({ runId: command.runId, pane, result: measured }).catch((error: unknown) => {
          setStatus(`Could not report: ${messageOf(error)}`);
        });
      });
    });
    void transport.ready(pane).then((s) => {
      if (s) {
        setSetup(s);
        setStatus('Ready: press Start on the Compare screen.');
      }
    });
    return off;
  }, [transport, pane, desktop]);

  const place = setup ? setup[pane] : null;
  return (
    <div
      className="min-h-screen space-y-4 bg-slate-50 p-4 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
      data-testid={`pane-${pane}`}
    >
      <header>
        <p className="text-sm font-semibold tracking-wide text-sky-700 uppercase dark:text-sky-300">{pane} pane</p>
        <h1 className="text-2xl font-bold" data-testid="pane-place">
          {place ? PLACE_INFO[place].label : 'Not set up yet'}
        </h1>
        {setup && (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {getWorkload(setup.request.workload).title} · the same work in both panes
          </p>
        )}
      </header>
      {!transport && (
        <p
          role="alert"
          className="rounded-xl border border-amber-400 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100"
        >
          This page is a pane of the Compare screen; open the Compare screen instead.
        </p>
      )}
      <Spinners />
      <FrameChart windowSeconds={6} height={140} />
      <div className="space-y-2">
        <p role="status" aria-live="polite" className="text-lg font-medium" data-testid="pane-status">
          {status}
        </p>
        {fraction !== null && <ProgressBar fraction={fraction} label="Progress" />}
      </div>
      {result && (
        <dl className="grid grid-cols-2 gap-2 text-sm tabular-nums" data-testid="pane-result">
          <dt className="text-slate-500 dark:text-slate-400">Wall time</dt>
          <dd>{formatSeconds(result.wallMs)}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Worst frame gap</dt>
          <dd className={result.worstGapMs > 100 ? 'font-semibold text-rose-700 dark:text-rose-300' : ''}>
            {formatSeconds(result.worstGapMs)}
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">Frames over 50 ms</dt>
          <dd>{result.framesOver50}</dd>
        </dl>
      )}
      {/* This pane's threads on one timeline (renderer/src/timeline/). */}
      <TimelinePanel title="Timeline: this pane’s threads" />
    </div>
  );
}
