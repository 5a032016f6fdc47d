import { memo, useId, useState, type ReactNode } from 'react';
import { PLACE_INFO, PLACES, type Place } from '../../../shared/places';

interface Props {
  readonly place: Place;
  readonly desktop: boolean;
  readonly disabled: boolean;
  readonly onChange: (place: Place) => void;
  /** The other choices of a run (workload, size), shown in the expansion after the places. */
  readonly children?: ReactNode;
  /** Those choices in a few words, for the expansion's closed line ("Mandelbrot, ≈3 s"). */
  readonly summary?: string;
}

/**
 * The background place the big toggle picks: Web Workers in both editions, so the headline
 * comparison is the same in a browser and in the app. The toggle's expansion offers the rest.
 */
export const BACKGROUND_PLACE: Place = 'web-worker';

const FOCUS = 'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500';
const CHOICE = ['rounded-2xl border-2 px-4 py-2.5 text-left transition-colors disabled:opacity-60', FOCUS].join(' ');
const CHOICE_OFF = [
  'border-slate-300 bg-white hover:border-slate-500',
  'dark:border-slate-600 dark:bg-slate-900 dark:hover:border-slate-400',
].join(' ');
const CHOICE_ON = {
  freeze: [
    'border-rose-600 bg-rose-50 text-rose-950 ring-2 ring-rose-500/40',
    'dark:border-rose-400 dark:bg-rose-950/60 dark:text-rose-50',
  ].join(' '),
  flow: [
    'border-emerald-600 bg-emerald-50 text-emerald-950 ring-2 ring-emerald-500/40',
    'dark:border-emerald-400 dark:bg-emerald-950/60 dark:text-emerald-50',
  ].join(' '),
} as const;
const MORE_BUTTON = [
  'rounded-lg px-2 py-1 text-base font-medium text-sky-800 underline-offset-4 hover:underline',
  'disabled:opacity-60 dark:text-sky-300',
  FOCUS,
].join(' ');

/** What a place does to the page, in the expansion's second line. */
function effectOf(place: Place, desktop: boolean): string {
  const info = PLACE_INFO[place];
  if (info.desktopOnly && !desktop) return 'Desktop app only';
  if (info.keepsPageResponsive) return 'Responsive';
  return place === 'main-process' ? 'Freezes the whole app' : 'Freezes';
}

/**
 * The one control for where the work runs: the big "Main thread / Background" toggle, and, as
 * its expansion, all six places (and the run's other choices, passed as children). A place the
 * toggle does not name (sliced, the desktop ones) opens the expansion, so the place in use is
 * always shown; the closed line names it too.
 */
export const PlacePicker = memo(function PlacePicker({ place, desktop, disabled, onChange, children, summary }: Props) {
  const [open, setOpen] = useState(place !== 'renderer-main' && place !== BACKGROUND_PLACE);
  const listId = useId();
  const current = PLACE_INFO[place];
  return (
    <div className="space-y-2">
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
          note={`${PLACE_INFO[BACKGROUND_PLACE].label}: responsive`}
          tone="flow"
        />
      </div>
      <div className="flex flex-wrap items-baseline gap-x-2 text-base text-slate-700 dark:text-slate-300">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          data-testid="more-places"
          onClick={() => setOpen((o) => !o)}
          className={MORE_BUTTON}
        >
          {open ? '▾ Fewer choices' : '▸ All six places, workload, size'}
        </button>
        <span data-testid="place-now">
          Now: <span className="font-semibold">{current.label}</span>
          {summary ? `, ${summary}` : ''}
        </span>
      </div>
      {open && (
        <fieldset
          id={listId}
          disabled={disabled}
          className="rounded-xl border border-slate-300 p-3 dark:border-slate-600"
        >
          <legend className="sr-only">All six places</legend>
          <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
            {PLACES.map((p) => {
              const info = PLACE_INFO[p];
              const unavailable = info.desktopOnly && !desktop;
              return (
                <label
                  key={p}
                  title={info.blurb}
                  className={`flex cursor-pointer items-start gap-2 rounded-lg border px-3 py-1.5 text-base ${
                    place === p
                      ? 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/60'
                      : 'border-transparent hover:bg-slate-100 dark:hover:bg-slate-800'
                  } ${unavailable ? 'cursor-not-allowed opacity-60' : ''}`}
                >
                  <input
                    type="radio"
                    name="place"
                    value={p}
                    checked={place === p}
                    disabled={unavailable}
                    onChange={() => onChange(p)}
                    className="mt-1.5 accent-sky-600"
                  />
                  <span>
                    <span className="font-medium">{info.label}</span>
                    <span className="block text-sm text-slate-600 dark:text-slate-300">{effectOf(p, desktop)}</span>
                  </span>
                </label>
              );
            })}
          </div>
          <p className="mt-2 text-base text-slate-700 dark:text-slate-300">{current.blurb}</p>
          {children !== undefined && <div className="mt-3">{children}</div>}
        </fieldset>
      )}
    </div>
  );
});

function ToggleButton(props: {
  pressed: boolean;
  disabled: boolean;
  onClick: () => void;
  title: string;
  note: string;
  tone: 'freeze' | 'flow';
}) {
  return (
    <button
      type="button"
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
      className={`${CHOICE} ${props.pressed ? CHOICE_ON[props.tone] : CHOICE_OFF}`}
    >
      <span className="block text-2xl font-bold">{props.title}</span>
      <span className="block text-base">{props.note}</span>
    </button>
  );
}
