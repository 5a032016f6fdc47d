import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  paneCommandSchema,
  type CompareSetup,
  type Pane,
  type PaneResult,
} from '../../../shared/compare/compare-protocol';
import { FrameLog } from '../../../shared/compare/frame-log';
import { messageOf } from '../../../shared/errors/message-of';
import { PLACE_INFO } from '../../../shared/places';
import { FROZEN_AFTER_MS } from '../../../shared/stats/frame-gaps';
import { getWorkload } from '../../../shared/workloads/registry';
import { mainPinger } from '../desktop/main-pinger';
import { FrameChart } from '../meters/frame-chart';
import { meters } from '../meters/frame-meter';
import { Spinners } from '../meters/spinners';
import { formatDuration } from '../../../shared/format/format-duration';
import { ProgressBar } from '../ui/progress-bar';
import { frameTransport, ipcTransport, type PaneTransport } from './pane-transport';
import { runPane } from './run-pane';
import { TimelinePanel } from '../timeline/timeline-panel';

/**
 * One pane of a comparison: its own live meters (spinners, frame chart), its status, and what it
 * measured. It runs what its controller says, when it says, and reports back. It keeps a log of
 * when it drew each frame, so that the web edition's controller can ask afterwards whether it kept
 * drawing while the other pane was frozen. The page around it names the pane and shows the
 * headline figures; the pane itself is kept short enough to sit beside the other on one screen.
 */
export function ComparePane({ pane, desktop }: { readonly pane: Pane; readonly desktop: boolean }) {
  const [transport] = useState<PaneTransport | null>(() => (desktop ? ipcTransport() : frameTransport()));
  const [setup, setSetup] = useState<CompareSetup | null>(null);
  const [status, setStatus] = useState('Waiting for the comparison to be set up…');
  const [fraction, setFraction] = useState<number | null>(null);
  const [result, setResult] = useState<PaneResult | null>(null);
  const [dark, setDark] = useState<boolean | null>(null);
  const [log] = useState(() => new FrameLog());
  const busy = useRef(false);
  const narrow = useNarrow();

  useEffect(() => {
    meters.start();
    // Epoch milliseconds: the clock the other pane and the controller read too.
    const off = meters.subscribeFrames((frameMs) => log.add(performance.timeOrigin + frameMs));
    const api = window.unfreeze;
    const stopPinger = desktop && api ? mainPinger.start(api) : undefined;
    return () => {
      off();
      stopPinger?.();
    };
  }, [desktop, log]);

  // A pane on another site cannot read the page's stored theme: the page sends it.
  useEffect(() => {
    if (dark !== null) document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);

  useEffect(() => {
    if (!transport) return;
    const off = transport.onCommand((raw) => {
      const parsed = paneCommandSchema.safeParse(raw);
      if (!parsed.success || parsed.data.pane !== pane) return;
      const command = parsed.data;
      if (command.type === 'theme') return setDark(command.dark);
      if (command.type === 'count-frames') {
        const frames = log.countBetween(command.fromMs, command.toMs);
        return transport.answerFrames?.({ pane, runId: command.runId, frames });
      }
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
            late > 20 ? `Running (began ${formatDuration(late)} late: this thread was busy at the start)…` : 'Running…',
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
  }, [transport, pane, desktop, log]);

  const place = setup ? setup[pane] : null;
  const name = `${pane === 'left' ? 'Left' : 'Right'} pane: ${place ? PLACE_INFO[place].label : 'not set up yet'}`;
  return (
    <main
      className="min-h-screen space-y-3 bg-slate-50 p-3 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
      data-testid={`pane-${pane}`}
      aria-labelledby="pane-heading"
    >
      {/* On the web the page names each pane above its frame; a desktop pane is a view of its own. */}
      <h1 id="pane-heading" className={desktop ? 'text-lg font-semibold' : 'sr-only'} data-testid="pane-place">
        {name}
        {setup && ` · ${getWorkload(setup.request.workload).title}`}
      </h1>
      {!transport && (
        <p
          role="alert"
          className="rounded-xl border border-amber-400 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100"
        >
          This page is a pane of the Compare screen; open the Compare screen instead.
        </p>
      )}
      {/* Side by side where the pane is wide enough for both, stacked in a narrow pane (1024 px screens). */}
      <div className="grid grid-cols-1 items-center gap-3 min-[560px]:grid-cols-[23rem_minmax(0,1fr)]">
        {/* The spinners' explanation is on the Playground; here the room goes to the two panes. */}
        <Spinners className="[&>p]:hidden" />
        <FrameChart windowSeconds={6} height={narrow ? 90 : 190} />
      </div>
      <div className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <p role="status" aria-live="polite" className="text-base font-medium" data-testid="pane-status">
            {status}
          </p>
          {result && (
            <p className="text-sm text-slate-700 tabular-nums dark:text-slate-300" data-testid="pane-result">
              Worst gap{' '}
              <span
                className={result.worstGapMs > FROZEN_AFTER_MS ? 'font-semibold text-rose-700 dark:text-rose-300' : ''}
              >
                {formatDuration(result.worstGapMs)}
              </span>{' '}
              · {result.framesOver50} over 50 ms · wall {formatDuration(result.wallMs)}
            </p>
          )}
        </div>
        {fraction !== null && <ProgressBar fraction={fraction} label="Progress" size="sm" />}
      </div>
      {/* This pane's threads on one timeline (renderer/src/timeline/). */}
      <TimelinePanel title="Timeline: this pane’s threads" />
    </main>
  );
}

const NARROW = '(max-width: 559px)';

/** Whether the pane's own window (the frame) is narrow; follows resizes. */
function useNarrow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = window.matchMedia(NARROW);
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    () => window.matchMedia(NARROW).matches,
  );
}
