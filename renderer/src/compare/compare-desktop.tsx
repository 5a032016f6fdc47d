import { useEffect, useState } from 'react';
import { compareUpdateSchema } from '../../../shared/compare/compare-protocol';
import { compareSummary } from '../../../shared/compare/compare-summary';
import { messageOf } from '../../../shared/errors/message-of';
import { CompareSetupCard } from './compare-setup-card';
import { PRIMARY, SECONDARY } from './compare-styles';
import { MainProcessNote } from './main-process-note';
import { paneLabels } from './pane-labels';
import { sharedClock } from './run-pane';
import { SetupPicker } from './setup-picker';
import { SummarySection } from './summary-section';
import { useCompareSetup } from './use-compare-setup';
import { useReports } from './use-reports';
import { ExportBar } from '../session/export-bar';
import { useCompareRecording } from '../session/use-compare-recording';

/**
 * The desktop app: this screen sets up the compare window (one window, two WebContentsViews, each
 * its own renderer process, opened by the main process through `window.unfreeze`), starts both
 * panes, and sums up what they report.
 */
export function DesktopCompare() {
  const { picked, setPicked, setup } = useCompareSetup({
    left: 'renderer-main',
    right: 'web-worker',
    workload: 'mandelbrot',
    seconds: 2,
  });
  const [opened, setOpened] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const reports = useReports();
  const { begin, take } = reports;
  const [labels, setLabels] = useState(() => paneLabels(picked));
  const running = reports.runId > 0 && !reports.done;
  useCompareRecording(reports, picked);

  // The main process says when a run starts, passes on each pane's report, and says when the window closed.
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
      setLabels(paneLabels(setup));
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
      <CompareSetupCard
        intro={
          <p className="mt-1 max-w-4xl text-slate-600 dark:text-slate-300">
            One window, two panes, each its own renderer process. Both run the identical workload and start at the same
            instant; each keeps its own live meters. By default the left pane computes on its own main thread and the
            right one in the background.
          </p>
        }
      >
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
      </CompareSetupCard>
      <SummarySection
        reports={reports}
        summary={reports.left && reports.right ? compareSummary(reports.left, reports.right, labels) : null}
        labels={labels}
      />
      <ExportBar source="compare" desktop />
    </div>
  );
}
