import { useEffect, useRef, useState } from 'react';
import { PANES } from '../../../shared/compare/compare-protocol';
import { planStart } from '../../../shared/compare/sync-start';
import { CompareSetupCard } from './compare-setup-card';
import { PRIMARY } from './compare-styles';
import { paneLabels } from './pane-labels';
import { sharedClock } from './run-pane';
import { SetupPicker } from './setup-picker';
import { SummarySection } from './summary-section';
import { useCompareSetup } from './use-compare-setup';
import { usePaneFrames } from './use-pane-frames';
import { useReports } from './use-reports';
import { ExportBar } from '../session/export-bar';
import { useCompareRecording } from '../session/use-compare-recording';

/**
 * The web edition: a page cannot open a second renderer process for itself. The closest honest
 * equivalent is two same-origin frames, which share the page's one main thread, so a freeze in
 * one freezes both. That is measured here rather than hidden.
 */
export function WebCompare() {
  const { picked, setPicked, setup } = useCompareSetup({
    left: 'renderer-main',
    right: 'web-worker',
    workload: 'mandelbrot',
    seconds: 1,
  });
  const reports = useReports();
  const { begin, take } = reports;
  const { ready, post, frameRef } = usePaneFrames(take);
  const [labels, setLabels] = useState(() => paneLabels(picked));
  const runCounter = useRef(0);
  const running = reports.runId > 0 && !reports.done;
  useCompareRecording(reports, picked);

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
    setLabels(paneLabels(setup));
    // Both frames get the same instant on the shared clock, a little ahead, and wait for it.
    const startAt = planStart(sharedClock());
    for (const pane of PANES) post(pane, { type: 'run', pane, runId, setup, startAt });
  };

  return (
    <div className="space-y-6">
      <CompareSetupCard
        intro={
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
        }
      >
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
      </CompareSetupCard>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {PANES.map((pane) => (
          <iframe
            key={pane}
            ref={frameRef(pane)}
            title={`${pane} pane`}
            src={`?screen=compare&pane=${pane}`}
            className="h-[640px] w-full rounded-2xl border border-slate-200 dark:border-slate-800"
            data-testid={`frame-${pane}`}
          />
        ))}
      </div>
      <SummarySection reports={reports} labels={labels} />
      <ExportBar source="compare" desktop={false} />
    </div>
  );
}
