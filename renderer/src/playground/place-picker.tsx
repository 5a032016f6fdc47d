import { memo } from 'react';
import { PLACE_INFO, PLACES, type Place } from '../../../shared/places';

interface Props {
  readonly place: Place;
  readonly desktop: boolean;
  readonly disabled: boolean;
  readonly onChange: (place: Place) => void;
}

/**
 * The background place the big toggle picks: Web Workers in both editions, so the headline
 * comparison is the same in a browser and in the app. The six-place selector offers the rest.
 */
export const BACKGROUND_PLACE: Place = 'web-worker';

/** The big "Main thread / Background" toggle, and every place for those who want to choose. */
export const PlacePicker = memo(function PlacePicker({ place, desktop, disabled, onChange }: Props) {
  return (
    <div className="space-y-4">
      <div role="group" aria-label="Where the work runs" className="grid grid-cols-2 gap-3">
        <ToggleButton
          pressed={place === 'renderer-main'}
          disabled={disabled}
          onClick={() => onChange('renderer-main')}
          title="Main thread"
          note="Freezes this window"
          tone="freeze"
        />
        <ToggleButton
          pressed={place === BACKGROUND_PLACE}
          disabled={disabled}
          onClick={() => onChange(BACKGROUND_PLACE)}
          title="Background"
          note={`${PLACE_INFO[BACKGROUND_PLACE].label}: stays responsive`}
          tone="flow"
        />
      </div>
      <fieldset disabled={disabled} className="rounded-xl border border-slate-200 p-3 dark:border-slate-700">
        <legend className="px-1 text-sm font-medium text-slate-600 dark:text-slate-300">All six places</legend>
        <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
          {PLACES.map((p) => {
            const info = PLACE_INFO[p];
            const unavailable = info.desktopOnly && !desktop;
            return (
              <label
                key={p}
                title={info.blurb}
                className={`flex cursor-pointer items-start gap-2 rounded-lg border px-3 py-2 text-sm transition-colors ${
                  place === p
                    ? 'border-sky-500 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/60'
                    : 'border-transparent hover:bg-slate-100 dark:hover:bg-slate-800'
                } ${unavailable ? 'cursor-not-allowed opacity-50' : ''}`}
              >
                <input
                  type="radio"
                  name="place"
                  value={p}
                  checked={place === p}
                  disabled={unavailable}
                  onChange={() => onChange(p)}
                  className="mt-1 accent-sky-600"
                />
                <span>
                  <span className="font-medium">{info.label}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {unavailable
                      ? 'Desktop app only'
                      : info.keepsPageResponsive
                        ? 'Responsive'
                        : p === 'main-process'
                          ? 'Freezes the whole app'
                          : 'Freezes'}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{PLACE_INFO[place].blurb}</p>
      </fieldset>
    </div>
  );
});

const CHOICE = [
  'rounded-2xl border-2 px-4 py-3 text-left transition-colors disabled:opacity-60',
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
].join(' ');

function ToggleButton(props: {
  pressed: boolean;
  disabled: boolean;
  onClick: () => void;
  title: string;
  note: string;
  tone: 'freeze' | 'flow';
}) {
  const on =
    props.tone === 'freeze'
      ? 'border-rose-500 bg-rose-50 text-rose-900 ring-2 ring-rose-500/40 dark:bg-rose-950/50 dark:text-rose-100'
      : 'border-emerald-500 bg-emerald-50 text-emerald-900 ring-2 ring-emerald-500/40 dark:bg-emerald-950/50 dark:text-emerald-100';
  return (
    <button
      type="button"
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
      className={`${CHOICE} ${
        props.pressed
          ? on
          : 'border-slate-200 bg-white hover:border-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:hover:border-slate-500'
      }`}
    >
      <span className="block text-xl font-semibold">{props.title}</span>
      <span className="block text-sm opacity-80">{props.note}</span>
    </button>
  );
}
