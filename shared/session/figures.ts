import { formatDuration } from '../format/format-duration';

/**
 * What a figure's name says about it. A figure is named for its CSV column, unit last
 * (`worst_gap_ms`, `wake_s`, `transfer_64mib_over_1mib_ratio`), so one column never mixes units.
 * The responsiveness figures every Playground and Compare run has come first, in this order, with
 * the words a slide uses for them.
 */
export const KEY_FIGURES = [
  { name: 'wall_ms', label: 'Wall time' },
  { name: 'worst_gap_ms', label: 'Worst frame gap' },
  { name: 'frames_over_50', label: 'Frames over 50 ms' },
  { name: 'input_delay_p95_ms', label: 'Input delay p95' },
  { name: 'main_stall_ms', label: 'Main process stall' },
] as const;

export type FigureUnit = 'ms' | 's' | 'µs' | 'count' | 'ratio' | '';

const SUFFIX_UNITS: readonly (readonly [string, FigureUnit])[] = [
  ['_ms', 'ms'],
  ['_us', 'µs'],
  ['_s', 's'],
  ['_ratio', 'ratio'],
  ['_count', 'count'],
];

/** The unit a figure's name ends in; counts of frames are named `frames_over_<ms>`. */
export function figureUnit(name: string): FigureUnit {
  if (/^frames_over_\d+$/.test(name)) return 'count';
  return SUFFIX_UNITS.find(([suffix]) => name.endsWith(suffix))?.[1] ?? '';
}

/** "Worst frame gap", or for any other figure its name in words without the unit: "per task message". */
export function figureLabel(name: string): string {
  const known = KEY_FIGURES.find((f) => f.name === name);
  if (known) return known.label;
  const unit = SUFFIX_UNITS.find(([suffix]) => name.endsWith(suffix))?.[0] ?? '';
  const words = name.slice(0, name.length - unit.length).replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A figure as a person reads it: "2.81 s", "17 ms", "3", "1.8×". */
export function formatFigure(name: string, value: number): string {
  switch (figureUnit(name)) {
    case 'ms':
      return formatDuration(value);
    case 's':
      return formatDuration(value * 1000);
    case 'µs':
      return `${round(value)} µs`;
    case 'ratio':
      return `${round(value)}×`;
    default:
      return String(round(value));
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

/** A run's figures in reading order: the key figures first, the rest as the run listed them. */
export function orderedFigureNames(names: Iterable<string>): string[] {
  const all = [...new Set(names)];
  const key: string[] = KEY_FIGURES.map((f) => f.name).filter((n) => all.includes(n));
  return [...key, ...all.filter((n) => !key.includes(n))];
}
