import echoSource from '../../lab/data-echo.ts?raw';
import echoWorkerSource from '../../lab/data-echo.worker.ts?raw';
import portSource from '../../lab/data-port.ts?raw';
import payloadsSource from '../../../../shared/datacost/payloads.ts?raw';
import {
  budgetSentence,
  checkBudgets,
  dataCostVerdict,
  worstClone,
} from '../../../../shared/datacost/data-cost-summary';
import { DataCostResults } from '../../lab/data-cost-results';
import { useDataCostSweep } from '../../lab/use-data-cost-sweep';
import type { Chapter, ChapterDemoProps, ChapterOutcome } from '../chapter';
import { DemoStatus } from '../demo-parts';
import { sourceRange } from '../source-range';
import { useChapterRun } from '../use-chapter-run';

function DataCostDemo(props: ChapterDemoProps) {
  const sweep = useDataCostSweep();
  const { view } = sweep;

  useChapterRun(props.register, async (signal): Promise<ChapterOutcome> => {
    signal.attach({ cancel: sweep.cancel });
    const { samples, phase } = await sweep.start();
    signal.attach(null);
    if (phase !== 'done') {
      return { measured: `The sweep ended early (${phase}).`, asExpected: false, figures: {} };
    }
    const check = checkBudgets(samples);
    return {
      measured: `${dataCostVerdict(samples)} ${budgetSentence(check)}`,
      asExpected: check.asExpected,
      // Only finite figures: an export's JSON has no NaN or Infinity.
      figures: Object.fromEntries(
        Object.entries({
          worst_clone_blocked_ms: worstClone(samples)?.clone.blockedMs ?? Number.NaN,
          clone_to_10kib_round_trip_ms: check.animationMs,
          clone_to_100kib_round_trip_ms: check.responseMs,
          transfer_64mib_over_1mib_ratio: check.transferGrowth,
        }).filter(([, value]) => Number.isFinite(value)),
      ),
    };
  });

  const text =
    view.phase === 'running'
      ? `Moving payloads… ${view.done} of ${view.total}`
      : view.phase === 'failed'
        ? `The sweep failed: ${view.error ?? ''}`
        : view.phase === 'idle'
          ? 'Press Run: 1 KiB … 64 MiB to a Web Worker and back, cloned, transferred and shared.'
          : `${view.done} sizes and methods measured, each the median of three moves.`;
  return (
    <div className="space-y-4">
      <DemoStatus
        text={text}
        fraction={view.phase === 'running' && view.total > 0 ? view.done / view.total : null}
        presenter={props.presenter}
      />
      <DataCostResults samples={view.samples} methods={sweep.methods} figure="blockedMs" presenter={props.presenter} />
      {!sweep.methods.includes('utility-port') && (
        <p className={props.presenter ? 'text-xl' : 'text-base'} data-testid="data-cost-desktop-note">
          Electron IPC and a MessagePort to a utility process are measured only in the desktop app.
        </p>
      )}
    </div>
  );
}

export const dataCostChapter: Chapter = {
  id: 'data-cost',
  tutorialStep: 'when-not',
  concept: 'When not to use threads',
  title: 'Moving data costs too',
  explanation: [
    'A worker shares no objects with the page: it gets its data by message. postMessage makes a structured ' +
      'clone — it walks every object and string and copies it — and the page waits until the copy is made.',
    'Small messages are cheap: up to about 10 KiB they are safe even during an animation, and up to about ' +
      '100 KiB they stay within a 100 ms response, even on a slow phone. Past that, a clone can freeze the ' +
      'page without any computation at all.',
    'Bytes need not be copied. A transferred ArrayBuffer changes hands, so it costs the same at any size (the ' +
      'sender can no longer use it), and a SharedArrayBuffer never moves: only a small note saying "it is ready".',
    'Between processes nothing is shared, so everything is a clone. In the desktop app the bytes also go through ' +
      'Electron IPC, which passes the main process, and through a MessagePort straight to a utility process.',
  ],
  expected:
    'Clones ≤ 10 KiB within one frame (16.7 ms) and ≤ 100 KiB within 100 ms; a transfer of 64 MiB costs under 3× ' +
    'one of 1 MiB; a clone of many MiB blocks the page for tens to hundreds of ms.',
  sources: [
    sourceRange('renderer/src/lab/data-echo.ts', echoSource, 'const measure = async', 'worstGapMs: frames'),
    sourceRange('renderer/src/lab/data-echo.worker.ts', echoWorkerSource, 'scope.onmessage'),
    sourceRange('shared/datacost/payloads.ts', payloadsSource, 'export function makeObjectGraph'),
    sourceRange('renderer/src/lab/data-port.ts', portSource, 'function receivePort'),
  ],
  Demo: DataCostDemo,
};
