import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { nextSegmentIndex } from './segmented-keys';

export interface SegmentOption<T extends string> {
  readonly value: T;
  readonly label: ReactNode;
  /** This one option cannot be chosen (the others can). */
  readonly disabled?: boolean;
  readonly testId?: string;
}

const GROUP = 'inline-flex flex-wrap gap-1 rounded-xl bg-slate-100 p-1 dark:bg-slate-800';
const SEGMENT = [
  'rounded-lg px-3 py-1.5 font-medium focus-visible:outline-2 focus-visible:outline-sky-500',
  'aria-disabled:cursor-not-allowed aria-disabled:opacity-60',
].join(' ');
const CHECKED = 'bg-white text-slate-900 shadow dark:bg-slate-600 dark:text-white';
const UNCHECKED = 'text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white';

/**
 * A segmented picker: one choice out of a few, shown side by side. It is a radio group (one tab
 * stop, arrow keys move the choice, Home/End jump), as the WAI-ARIA pattern describes. While
 * `disabled` the options say so (aria-disabled) but stay focusable, so a run that disables the
 * picker does not drop the keyboard user's focus to <body>.
 */
export function SegmentedControl<T extends string>(props: {
  readonly label: string;
  /** The label is read by screen readers but not shown (a legend the layout makes obvious). */
  readonly hideLabel?: boolean;
  readonly value: T;
  readonly options: readonly SegmentOption<T>[];
  readonly disabled?: boolean;
  readonly onChange: (value: T) => void;
  /** Text size of the options: Tailwind's text-sm (14 px) unless a larger one is asked for. */
  readonly textClass?: string;
  readonly testId?: string;
}) {
  const labelId = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const off = props.options.map((o) => props.disabled === true || o.disabled === true);
  const checked = props.options.findIndex((o) => o.value === props.value);
  // One tab stop: the checked option, or the first that can be chosen when none is checked.
  const tabStop = checked >= 0 ? checked : Math.max(0, off.indexOf(false));

  const choose = (index: number) => {
    const option = props.options[index];
    if (!option || off[index]) return;
    if (option.value !== props.value) props.onChange(option.value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = nextSegmentIndex(event.key, index, off);
    if (next === null) return;
    event.preventDefault();
    buttons.current[next]?.focus();
    choose(next);
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      <span
        id={labelId}
        className={props.hideLabel ? 'sr-only' : 'text-sm font-medium text-slate-700 dark:text-slate-300'}
      >
        {props.label}
      </span>
      <div
        role="radiogroup"
        aria-labelledby={labelId}
        aria-disabled={props.disabled === true ? true : undefined}
        className={GROUP}
        data-testid={props.testId}
      >
        {props.options.map((o, i) => (
          <button
            key={o.value}
            ref={(element) => {
              buttons.current[i] = element;
            }}
            type="button"
            role="radio"
            aria-checked={i === checked}
            aria-disabled={off[i]}
            tabIndex={i === tabStop ? 0 : -1}
            onClick={() => choose(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={`${SEGMENT} ${props.textClass ?? 'text-sm'} ${i === checked ? CHECKED : UNCHECKED}`}
            data-testid={o.testId}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}
