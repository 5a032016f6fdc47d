import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { POOL_PLACES, type PoolPlace } from '../../../shared/host/host-places';
import { PLACE_INFO } from '../../../shared/places';
import { CANCEL_GRACE_MS } from '../../../shared/pool/worker-pool';
import type { CrashMode } from '../../../shared/protocol/messages';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import { watchTaskEvents } from '../run/host-task';
import { CARD } from '../ui/card';
import { formatDuration } from '../../../shared/format/format-duration';
import { messageOf } from '../../../shared/errors/message-of';

const CRASH_BUTTON = [
  'rounded-lg border border-slate-300 bg-white px-4 py-2 text-base font-semibold',
  'hover:border-rose-400 hover:bg-rose-50 focus-visible:outline-3',
  'focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50',
  'disabled:hover:border-slate-300 disabled:hover:bg-white dark:border-slate-600',
  'dark:bg-slate-900 dark:hover:border-rose-400 dark:hover:bg-rose-950/50',
  'dark:disabled:hover:border-slate-600 dark:disabled:hover:bg-slate-900',
].join(' ');
const HUNG_CANCEL_BUTTON = [
  'rounded-lg bg-amber-600 px-4 py-1.5 text-base font-semibold text-white hover:bg-amber-700',
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
].join(' ');

/** The switches of each pool; a worker thread shares the main process, so it has no hard crash. */
const MODES: Record<PoolPlace, readonly { mode: CrashMode; label: string; does: string }[]> = {
  'worker-thread': [
    { mode: 'throw', label: 'Throw', does: 'throws an error nobody catches' },
    { mode: 'exit', label: 'Exit', does: 'exits on its own' },
    { mode: 'hang', label: 'Hang', does: 'loops forever and never answers' },
  ],
  'utility-process': [
    { mode: 'crash', label: 'Crash', does: 'crashes its process hard' },
    { mode: 'exit', label: 'Exit', does: 'exits on its own' },
    { mode: 'hang', label: 'Hang', does: 'loops forever and never answers' },
  ],
};

type CrashView =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly mode: CrashMode; readonly taskId: string }
  | { readonly phase: 'cancelling'; readonly mode: CrashMode; readonly taskId: string; readonly cancelAt: number }
  | {
      readonly phase: 'ended';
      readonly mode: CrashMode;
      readonly outcome: TaskOutcome<unknown>;
      readonly cancelTookMs: number | null;
    }
  | { readonly phase: 'error'; readonly mode: CrashMode; readonly message: string };

const IDLE: CrashView = { phase: 'idle' };

interface Props {
  /** A measured Playground run is going on: crash would disturb it, so the switches wait. */
  readonly runActive: boolean;
  /** Whether a crash task still holds a worker (a Playground run on that pool would queue behind it). */
  readonly onBusyChange?: (busy: boolean) => void;
}

/**
 * Break a worker on purpose and watch the app carry on. Each switch starts a crash-lab task with
 * its own id and state, apart from the Playground's run and its meters.
 */
export const CrashLab = memo(function CrashLab({ runActive, onBusyChange }: Props) {
  const [views, setViews] = useState<Record<PoolPlace, CrashView>>({ 'worker-thread': IDLE, 'utility-process': IDLE });
  const unsubscribes = useRef(new Set<() => void>());
  const cancelAt = useRef(new Map<string, number>());

  const set = useCallback((place: PoolPlace, view: CrashView) => setViews((v) => ({ ...v, [place]: view })), []);

  const busy = POOL_PLACES.some((p) => views[p].phase === 'running' || views[p].phase === 'cancelling');
  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);

  useEffect(() => {
    const subscriptions = unsubscribes.current;
    return () => {
      for (const stop of subscriptions) stop();
      subscriptions.clear();
    };
  }, []);

  const start = useCallback(
    (place: PoolPlace, mode: CrashMode) => {
      const api = window.unfreeze;
      if (!api) return;
      const taskId = crypto.randomUUID();
      const stop = (): void => {
        unsubscribe();
        unsubscribes.current.delete(unsubscribe);
      };
      // Subscribed before the task starts, so its 'end' cannot slip past.
      const unsubscribe = watchTaskEvents(api, taskId, {
        onEvent: (event) => {
          if (event.type !== 'end') return;
          stop();
          const askedAt = cancelAt.current.get(taskId);
          cancelAt.current.delete(taskId);
          set(place, {
            phase: 'ended',
            mode,
            outcome: event.outcome,
            cancelTookMs: askedAt === undefined ? null : performance.now() - askedAt,
          });
        },
        onMalformed: (message) => {
          stop();
          set(place, { phase: 'error', mode, message });
          api.cancelTask(taskId).catch(() => {});
        },
      });
      unsubscribes.current.add(unsubscribe);
      set(place, { phase: 'running', mode, taskId });
      api.startCrash(taskId, place, mode).catch((error: unknown) => {
        stop();
        set(place, { phase: 'error', mode, message: `Could not start: ${messageOf(error)}` });
      });
    },
    [set],
  );

  const cancel = useCallback(
    (place: PoolPlace, view: CrashView) => {
      const api = window.unfreeze;
      if (!api || view.phase !== 'running') return;
      const at = performance.now();
      cancelAt.current.set(view.taskId, at);
      set(place, { phase: 'cancelling', mode: view.mode, taskId: view.taskId, cancelAt: at });
      api
        .cancelTask(view.taskId)
        .catch((error: unknown) =>
          set(place, { phase: 'error', mode: view.mode, message: `Could not cancel: ${messageOf(error)}` }),
        );
    },
    [set],
  );

  return (
    <section aria-labelledby="crash-lab-heading" className={CARD} data-testid="crash-lab">
      <h2 id="crash-lab-heading" className="text-lg font-semibold">
        Crash lab
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-300">
        Break one background worker on purpose. Only its task fails; the app, this page and every other worker carry on.
      </p>
      <div className="space-y-4">
        {POOL_PLACES.map((place) => {
          const view = views[place];
          const inUse = view.phase === 'running' || view.phase === 'cancelling';
          return (
            <div key={place} className="rounded-xl bg-slate-50 p-3 dark:bg-slate-800/60" data-testid={`crash-${place}`}>
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <h3 className="w-40 shrink-0 font-semibold">{PLACE_INFO[place].label}</h3>
                <div
                  role="group"
                  aria-label={`Break a ${PLACE_INFO[place].label.toLowerCase()} worker`}
                  className="flex flex-wrap gap-2"
                >
                  {MODES[place].map((m) => (
                    <button
                      key={m.mode}
                      type="button"
                      disabled={runActive || inUse}
                      onClick={() => start(place, m.mode)}
                      title={`A worker ${m.does}`}
                      className={CRASH_BUTTON}
                    >
                      {m.label}
                    </button>
                  ))}
                </div>
              </div>
              <div className="mt-2 min-h-7" aria-live="polite">
                <CrashStatus view={view} onCancel={() => cancel(place, view)} />
              </div>
            </div>
          );
        })}
      </div>
      {runActive && (
        <p className="mt-3 text-sm text-slate-500 dark:text-slate-400">
          The switches wait while a run is being measured, so they cannot disturb it.
        </p>
      )}
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">
        <span className="font-semibold">Why the app survives:</span> a worker thread has its own JavaScript engine
        instance and a utility process is a separate OS process. When one throws, exits or crashes, the pool hears of
        it, fails just that task with the reason, and starts a fresh worker. A hung worker never reads a cancel request,
        so the pool terminates it after {CANCEL_GRACE_MS} ms.
      </p>
    </section>
  );
});

function CrashStatus({ view, onCancel }: { view: CrashView; onCancel: () => void }) {
  switch (view.phase) {
    case 'idle':
      return <p className="text-sm text-slate-500 dark:text-slate-400">Nothing broken yet.</p>;
    case 'running':
      if (view.mode !== 'hang') return <p className="text-base">Breaking a worker…</p>;
      return (
        <p
          className="flex flex-wrap items-center gap-3 text-base font-semibold text-amber-700 dark:text-amber-300"
          data-testid="crash-status"
        >
          Hung: a worker is stuck in an endless loop.
          <button type="button" onClick={onCancel} className={HUNG_CANCEL_BUTTON}>
            Cancel
          </button>
        </p>
      );
    case 'cancelling':
      return <p className="text-base">Cancelling…</p>;
    case 'error':
      return (
        <p role="alert" className="text-base font-medium text-rose-700 dark:text-rose-300" data-testid="crash-status">
          {view.message}
        </p>
      );
    case 'ended':
      return <EndedStatus view={view} />;
  }
}

function EndedStatus({ view }: { view: Extract<CrashView, { phase: 'ended' }> }) {
  const o = view.outcome;
  if (o.status === 'failed') {
    // Every way a worker breaks ends with the pool retiring it and starting another.
    const replaced = /replace/i.test(o.message) ? '' : ' — replaced';
    return (
      <p className="text-base font-semibold text-rose-700 dark:text-rose-300" data-testid="crash-status">
        Failed: {o.message}
        {replaced}
      </p>
    );
  }
  if (o.status === 'cancelled') {
    return (
      <p className="text-base font-semibold text-emerald-700 dark:text-emerald-300" data-testid="crash-status">
        Cancelled in {formatDuration(view.cancelTookMs ?? o.elapsedMs)}: the stuck worker was terminated and replaced.
      </p>
    );
  }
  return (
    <p className="text-base" data-testid="crash-status">
      Finished without breaking anything, after {formatDuration(o.elapsedMs)}.
    </p>
  );
}
