import { startTransition, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ParamsError } from '../../../shared/workloads/params-error';
import { MetersPanel } from '../meters/meters-panel';
import type { ScreenProps } from '../nav/screen-props';
import { webWorkerPool } from '../run/web-worker-pool';
import { CARD } from '../ui/card';
import { useKeepFocus } from '../ui/use-keep-focus';
import { BatchPanel } from './batch-panel';
import { DEFAULT_FORM, queueParams, type QueueForm } from './custom-queue';
import { DownloadBatch } from './download-batch';
import { downloadPlaceInfo, runnerPlace, type DownloadPlace } from './download-places';
import { QueuePanel } from './queue-panel';
import { RunSignal } from '../run/run-signal';
import { runScenario } from './run-scenario';
import { ScenarioPanel, type ScenarioResults } from './scenario-panel';
import type { Scenario } from './scenarios';
import { messageOf } from '../../../shared/errors/message-of';

const noBatch = () => () => {};

/** A queue this short renders well within a frame: its controls show at the moment of the click. */
const SHOW_AT_ONCE_FILES = 20;

/**
 * A new queue's table can be a hundred rows: rendered as a transition, React builds it in slices
 * that leave frames free, instead of one long task at the moment of the click. A short one is
 * shown at once, so its Pause and Cancel are there from the first frame of "starting".
 */
function useShowBatch(set: (batch: DownloadBatch) => void) {
  return useCallback(
    (batch: DownloadBatch) =>
      batch.getSnapshot().files.length <= SHOW_AT_ONCE_FILES ? set(batch) : startTransition(() => set(batch)),
    [set],
  );
}

/**
 * The download manager: the tutorial's I/O lessons as one-click scenarios, a queue of one's own
 * in any of three places, and the page's meters beside it to prove (or disprove) the freeze.
 */
export function DownloadsScreen({ desktop, dark }: ScreenProps) {
  const [place, setPlace] = useState<DownloadPlace>('background');
  const [form, setForm] = useState<QueueForm>(DEFAULT_FORM);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [batch, setBatch] = useState<DownloadBatch | null>(null);
  const [results, setResults] = useState<ScenarioResults>({});
  const [scenario, setScenario] = useState<Scenario['id'] | null>(null);
  const signal = useRef<RunSignal | null>(null);
  // A Run or Start button disables itself as its batch begins: focus moves on to Pause or Cancel.
  const controls = useRef<HTMLDivElement>(null);
  useKeepFocus(controls);
  const showBatch = useShowBatch(setBatch);

  const snapshot = useSyncExternalStore(batch?.subscribe ?? noBatch, () => batch?.getSnapshot() ?? null);
  const batchRunning = snapshot?.busy ?? false;
  const busy = scenario !== null || batchRunning;

  const startQueue = useCallback(() => {
    const params = queueParams(form, downloadPlaceInfo(place, desktop).sequentialOnly);
    if ('error' in params) return setErrors([params.error]);
    let next: DownloadBatch;
    try {
      next = new DownloadBatch(params, runnerPlace(place, desktop));
    } catch (error) {
      // One line per problem; the workload's title prefix adds nothing here.
      const message = messageOf(error);
      return setErrors(
        error instanceof ParamsError ? message.replace(/^Invalid [^:]+ parameters: /, '').split('; ') : [message],
      );
    }
    setErrors([]);
    showBatch(next);
    void next.start();
  }, [form, place, desktop, showBatch]);

  const run = useCallback(
    (s: Scenario) => {
      const mine = new RunSignal();
      signal.current = mine;
      setScenario(s.id);
      setErrors([]);
      void runScenario(s, desktop, mine, showBatch)
        .then((figures) => setResults((r) => ({ ...r, [s.id]: figures })))
        .catch((error: unknown) => setErrors([messageOf(error)]))
        .finally(() => {
          signal.current = null;
          setScenario(null);
        });
    },
    [desktop, showBatch],
  );

  // The background place is the default: start its workers now, so a first run does not pay for it.
  useEffect(() => {
    if (!desktop) webWorkerPool().warm();
  }, [desktop]);

  // Leaving the screen stops whatever it started.
  const current = useRef(batch);
  current.current = batch;
  useEffect(
    () => () => {
      signal.current?.cancel();
      current.current?.cancel();
    },
    [],
  );

  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1.35fr)_minmax(0,1fr)]">
      <div ref={controls} className="min-w-0 space-y-6">
        <section className={CARD} aria-labelledby="downloads-heading">
          <h2 id="downloads-heading" className="text-xl font-semibold">
            Downloads: waiting is not working
          </h2>
          <p className="mt-1 mb-4 text-slate-600 dark:text-slate-300">
            A download spends its time waiting for bytes. Two files of 2 s and 3 s take 5 s one after another but about
            3 s at once, because the waits overlap — on threads, in a worker, or on a single event loop. Only a{' '}
            <em>blocking</em> wait holds the thread, and then the page freezes.
          </p>
          <ScenarioPanel results={results} running={scenario} busy={busy} onRun={run} />
        </section>

        <section className={CARD} aria-labelledby="queue-heading">
          <h2 id="queue-heading" className="mb-3 text-lg font-semibold">
            Download manager
          </h2>
          <QueuePanel
            desktop={desktop}
            place={place}
            onPlace={setPlace}
            form={form}
            onForm={setForm}
            errors={errors}
            busy={busy}
            onStart={startQueue}
          />
        </section>

        <section className={CARD} aria-labelledby="batch-heading">
          <h2 id="batch-heading" className="mb-3 text-lg font-semibold">
            Queue
          </h2>
          {batch ? (
            <BatchPanel batch={batch} dark={dark} />
          ) : (
            <p className="text-slate-600 dark:text-slate-300" data-testid="download-status" data-status="idle">
              Run a scenario or start a queue: its files, their progress and a timeline of when each was on the wire
              appear here.
            </p>
          )}
        </section>
      </div>
      <div className="min-w-0 space-y-6">
        <MetersPanel lastRun={snapshot?.responsiveness ?? null} running={batchRunning} />
      </div>
    </div>
  );
}
