import { useId } from 'react';
import { DOWNLOAD_LIMITS } from '../../../shared/workloads/download/download';
import { PRIMARY_FILL } from '../ui/card';
import type { QueueForm } from './custom-queue';
import { DOWNLOAD_PLACES, downloadPlaceInfo, type DownloadPlace } from './download-places';

const L = DOWNLOAD_LIMITS;

interface Field {
  readonly key: keyof QueueForm;
  readonly label: string;
  readonly hint: string;
}

const FIELDS: readonly Field[] = [
  { key: 'files', label: 'Files', hint: `1 to ${L.maxFiles.toLocaleString('en-US')}` },
  { key: 'sizeKB', label: 'Size per file (kB)', hint: `up to ${((L.maxSize / 1e3) | 0).toLocaleString('en-US')}` },
  { key: 'bandwidthKBps', label: 'Bandwidth (kB/s)', hint: 'per connection' },
  { key: 'concurrency', label: 'Concurrency', hint: '1 = one after another' },
  { key: 'latencyMs', label: 'Latency (ms)', hint: `0 to ${L.maxLatencyMs.toLocaleString('en-US')}` },
  { key: 'jitterPct', label: 'Jitter (%)', hint: `0 to ${L.maxJitter * 100}` },
  { key: 'failurePct', label: 'Failures (%)', hint: `0 to ${L.maxFailureRate * 100}, per attempt` },
  // One budget per file for the whole batch: a pause and resume does not hand out new retries.
  { key: 'retries', label: 'Retries', hint: `0 to ${L.maxRetries} per file, pauses included; backoff doubles` },
  { key: 'seed', label: 'Seed', hint: 'same seed, same run' },
];

/** Where the downloads run, and a queue of one's own. */
export function QueuePanel(props: {
  readonly desktop: boolean;
  readonly place: DownloadPlace;
  readonly onPlace: (place: DownloadPlace) => void;
  readonly form: QueueForm;
  readonly onForm: (form: QueueForm) => void;
  readonly errors: readonly string[];
  readonly busy: boolean;
  readonly onStart: () => void;
}) {
  const id = useId();
  const sequentialOnly = downloadPlaceInfo(props.place, props.desktop).sequentialOnly;
  return (
    <div className="space-y-4">
      <fieldset disabled={props.busy} className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-600 dark:text-slate-300">
          Where the download manager runs
        </legend>
        <div className="grid gap-2 md:grid-cols-3">
          {DOWNLOAD_PLACES.map((p) => {
            const info = downloadPlaceInfo(p, props.desktop);
            return (
              <label
                key={p}
                className={`flex cursor-pointer items-start gap-2 rounded-xl border px-3 py-2 text-sm ${
                  props.place === p
                    ? 'border-sky-500 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/60'
                    : 'border-slate-200 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800'
                }`}
              >
                <input
                  type="radio"
                  name={`${id}-place`}
                  value={p}
                  checked={props.place === p}
                  onChange={() => props.onPlace(p)}
                  className="mt-1 accent-sky-600"
                />
                <span>
                  <span className={`font-medium ${info.freezes ? 'text-rose-700 dark:text-rose-300' : ''}`}>
                    {info.label}
                  </span>
                  <span className="block text-sm text-slate-600 dark:text-slate-400">{info.blurb}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onStart();
        }}
        className="space-y-3"
      >
        <fieldset disabled={props.busy} className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5">
          <legend className="mb-2 text-sm font-medium text-slate-600 dark:text-slate-300">Your own queue</legend>
          {FIELDS.map((f) => {
            const disabled = f.key === 'concurrency' && sequentialOnly;
            return (
              <label key={f.key} className="flex flex-col gap-1 text-sm">
                <span className="font-medium">{f.label}</span>
                <input
                  type="text"
                  inputMode="decimal"
                  value={disabled ? '1' : props.form[f.key]}
                  disabled={disabled}
                  onChange={(e) => props.onForm({ ...props.form, [f.key]: e.target.value })}
                  aria-describedby={`${id}-${f.key}`}
                  data-testid={`field-${f.key}`}
                  className={[
                    'rounded-lg border border-slate-300 bg-white px-2 py-1.5 tabular-nums focus-visible:outline-3',
                    'focus-visible:outline-offset-1 focus-visible:outline-sky-500 disabled:opacity-60',
                    'dark:border-slate-600 dark:bg-slate-950',
                  ].join(' ')}
                />
                <span id={`${id}-${f.key}`} className="text-sm text-slate-500 dark:text-slate-400">
                  {disabled ? 'synchronous: always 1' : f.hint}
                </span>
              </label>
            );
          })}
        </fieldset>
        {props.errors.length > 0 && (
          <div
            role="alert"
            className={[
              'rounded-xl border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950 dark:border-rose-500/50',
              'dark:bg-rose-950/40 dark:text-rose-100',
            ].join(' ')}
            data-testid="queue-errors"
          >
            <p className="font-semibold">Nothing was started:</p>
            <ul className="mt-1 list-disc pl-5">
              {props.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        <button
          type="submit"
          disabled={props.busy}
          className={[
            `rounded-xl px-6 py-2.5 text-lg font-semibold shadow ${PRIMARY_FILL}`,
            'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
            'disabled:opacity-50',
          ].join(' ')}
        >
          Start queue
        </button>
      </form>
    </div>
  );
}
