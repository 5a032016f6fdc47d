import { useEffect, useMemo, useRef, useState } from 'react';
import { PANES, type Pane } from '../../../shared/compare/compare-protocol';
import { compareSummary } from '../../../shared/compare/compare-summary';
import { canSeparatePanes, paneSites } from '../../../shared/compare/pane-sites';
import { planStart } from '../../../shared/compare/sync-start';
import type { Place } from '../../../shared/places';
import { CompareSetupCard } from './compare-setup-card';
import { PRIMARY } from './compare-styles';
import { paneLabels } from './pane-labels';
import { PaneHeader } from './pane-header';
import { PaneSitesChoice } from './pane-sites-choice';
import { paneUrl, type PaneFrames } from './pane-transport';
import { sharedClock } from './run-pane';
import { SetupPicker } from './setup-picker';
import { isolationWarning, notLoadedNote, sitesNote } from './sites-note';
import { SummarySection } from './summary-section';
import { useCompareSetup } from './use-compare-setup';
import { usePaneFrames } from './use-pane-frames';
import { useReports } from './use-reports';
import { useThreadEvidence } from './use-thread-evidence';
import { ExportBar } from '../session/export-bar';
import { useCompareRecording } from '../session/use-compare-recording';

/**
 * Fills the height a projector leaves below the setup (ARCHITECTURE.md, "Compare"): at 1280×720
 * both panes, Start and the verdict fit on one screen; a taller window gives the panes more.
 */
const FRAME = [
  'h-[clamp(17rem,calc(100dvh-27.5rem),36rem)] w-full rounded-2xl',
  'border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-950',
].join(' ');

/** Loading a pane takes well under a second here; ten means it is not coming. */
const PANES_LOAD_MS = 10_000;

/**
 * The web edition: a page cannot open a second renderer process for itself, but Chromium gives a
 * frame of another site a process of its own. So each pane is served from a loopback name of its
 * own (shared/compare/pane-sites.ts) — or, by choice or where that cannot work, from this page's
 * site, where both share its one main thread. After a run each pane says how many frames it drew
 * while the other ran, and that, not the address, decides what the screen says about threads.
 */
export function WebCompare({ dark }: { readonly dark: boolean }) {
  const { picked, setPicked, setup } = useCompareSetup({
    left: 'renderer-main',
    right: 'web-worker',
    workload: 'mandelbrot',
    seconds: 1,
  });
  const canSeparate = canSeparatePanes(window.location);
  const [separate, setSeparate] = useState(canSeparate);
  const sites = useMemo(() => paneSites(window.location, separate), [separate]);
  const reports = useReports();
  const { begin, take } = reports;
  const [run, setRun] = useState<{ labels: Record<Pane, string>; places: Record<Pane, Place> } | null>(null);
  const runPlaces = run?.places ?? picked;
  // The evidence hook posts through the frames, and the frames' answers go to the evidence hook:
  // a ref breaks the circle (its `take` never changes).
  const takeFrames = useRef<(answer: PaneFrames) => void>(() => undefined);
  const listeners = useMemo(() => ({ onReport: take, onFrames: (a: PaneFrames) => takeFrames.current(a) }), [take]);
  const { ready, post, frameRef } = usePaneFrames(sites, listeners);
  const evidence = useThreadEvidence(reports, runPlaces, post);
  useEffect(() => {
    takeFrames.current = evidence.take;
  }, [evidence.take]);
  // A browser that cannot reach the panes' names never hears from them: say so rather than wait.
  const [slowSites, setSlowSites] = useState<typeof sites | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSlowSites(sites), PANES_LOAD_MS);
    return () => clearTimeout(timer);
  }, [sites]);
  const runCounter = useRef(0);
  const running = reports.runId > 0 && !reports.done;
  const bothReady = ready.left !== undefined && ready.right !== undefined;
  useCompareRecording(reports, picked);

  // Every ready pane always shows the current setup, in the page's theme.
  useEffect(() => {
    for (const pane of PANES) {
      if (!ready[pane]) continue;
      post(pane, { type: 'theme', pane, dark });
      if (setup) post(pane, { type: 'setup', pane, setup });
    }
  }, [ready, setup, post, dark]);

  const start = () => {
    if (!setup || !bothReady) return;
    runCounter.current += 1;
    const runId = runCounter.current;
    begin(runId);
    setRun({ labels: paneLabels(setup), places: { left: setup.left, right: setup.right } });
    // Both frames get the same instant on the shared clock, a little ahead, and wait for it.
    const startAt = planStart(sharedClock());
    for (const pane of PANES) post(pane, { type: 'run', pane, runId, setup, startAt });
  };

  const labels = run?.labels ?? paneLabels(picked);
  const summary =
    reports.left && reports.right && evidence.state.kind !== 'waiting'
      ? compareSummary(
          reports.left,
          reports.right,
          labels,
          evidence.state.kind === 'ready' ? evidence.state.evidence : undefined,
        )
      : null;
  const warning = summary && isolationWarning(sites, summary.finding);

  return (
    <div className="space-y-3">
      <CompareSetupCard
        compact
        aside={
          <PaneSitesChoice separate={separate} canSeparate={canSeparate} disabled={running} onChange={setSeparate} />
        }
      >
        <div className="flex flex-wrap items-end gap-3 lg:flex-nowrap">
          <div className="min-w-0 flex-1">
            <SetupPicker value={picked} desktop={false} disabled={running} onChange={setPicked} />
          </div>
          <button
            type="button"
            className={PRIMARY}
            onClick={start}
            disabled={!setup || !bothReady || running}
            data-testid="compare-start"
          >
            Start both
          </button>
        </div>
        <div className="min-h-14" aria-live="polite">
          {summary ? (
            <p className="text-lg font-semibold" data-testid="compare-verdict">
              {summary.verdict}
              {warning && (
                <span className="block text-base font-medium text-rose-700 dark:text-rose-300">{warning}</span>
              )}
            </p>
          ) : (
            <p className="text-base text-slate-700 dark:text-slate-300" data-testid="web-compare-note">
              {running
                ? 'Running: watch the spinners of both panes.'
                : reports.done
                  ? 'Comparing the two panes’ frames…'
                  : bothReady
                    ? sitesNote(sites, canSeparate)
                    : slowSites === sites
                      ? notLoadedNote(sites)
                      : 'Loading the two panes…'}
            </p>
          )}
        </div>
      </CompareSetupCard>
      <div className="grid grid-cols-2 gap-3">
        {PANES.map((pane) => (
          <div key={pane} className="min-w-0 space-y-1">
            <PaneHeader
              pane={pane}
              label={labels[pane]}
              site={sites[pane]}
              ready={ready[pane]}
              headline={summary?.headlines[pane] ?? null}
            />
            <iframe
              // A new site is a new document: the key reloads the frame when the choice changes.
              key={sites[pane].origin}
              ref={frameRef(pane)}
              title={`${pane === 'left' ? 'Left' : 'Right'} pane: ${labels[pane]}`}
              src={paneUrl(sites[pane].origin, window.location, pane)}
              // A frame of another site is cross-origin isolated only if the page delegates it.
              allow="cross-origin-isolated"
              className={FRAME}
              data-testid={`frame-${pane}`}
            />
          </div>
        ))}
      </div>
      <SummarySection reports={reports} summary={summary} labels={labels} verdict={false} />
      <ExportBar source="compare" desktop={false} />
    </div>
  );
}
