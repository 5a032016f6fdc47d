import { PLACE_INFO, PLACES, type Place } from '../../../shared/places';
import { getWorkload, PLAYGROUND_WORKLOADS, type PlaygroundWorkload } from '../../../shared/workloads/registry';

export interface PickedSetup {
  readonly left: Place;
  readonly right: Place;
  readonly workload: PlaygroundWorkload;
  readonly seconds: number;
}

const SELECT = [
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base disabled:opacity-60',
  'focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:bg-slate-800',
].join(' ');

/** Where each pane runs, and the one workload both run. */
export function SetupPicker({
  value,
  desktop,
  disabled,
  onChange,
}: {
  readonly value: PickedSetup;
  readonly desktop: boolean;
  readonly disabled: boolean;
  readonly onChange: (v: PickedSetup) => void;
}) {
  const places = PLACES.filter((p) => desktop || !PLACE_INFO[p].desktopOnly);
  const placeSelect = (pane: 'left' | 'right') => (
    <label className="block text-sm font-medium">
      {pane === 'left' ? 'Left pane runs on' : 'Right pane runs on'}
      <select
        className={SELECT}
        value={value[pane]}
        disabled={disabled}
        onChange={(e) => onChange({ ...value, [pane]: e.target.value as Place })}
        data-testid={`compare-${pane}-place`}
      >
        {places.map((p) => (
          <option key={p} value={p}>
            {PLACE_INFO[p].label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {placeSelect('left')}
      {placeSelect('right')}
      <label className="block text-sm font-medium">
        Workload (both panes)
        <select
          className={SELECT}
          value={value.workload}
          disabled={disabled}
          onChange={(e) => {
            // The options are the registry's names; find() turns the DOM's string back into one without a cast.
            const workload = PLAYGROUND_WORKLOADS.find((w) => w === e.target.value);
            if (workload) onChange({ ...value, workload });
          }}
          data-testid="compare-workload"
        >
          {PLAYGROUND_WORKLOADS.map((w) => (
            <option key={w} value={w}>
              {getWorkload(w).title}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Size, on one thread
        <select
          className={SELECT}
          value={value.seconds}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, seconds: Number(e.target.value) })}
          data-testid="compare-size"
        >
          {[1, 2, 3, 5].map((s) => (
            <option key={s} value={s}>
              ≈{s} s
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
