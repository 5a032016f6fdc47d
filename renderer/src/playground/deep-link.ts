import { printableLine } from '../../../shared/ipc/result';
import { isPlace, PLACE_INFO, PLACES, type Place } from '../../../shared/places';
import { MAX_SIZE_SECONDS, parseSizeSeconds, SIZE_PRESETS } from '../../../shared/workloads/presets';
import { PLAYGROUND_WORKLOADS, type PlaygroundWorkload } from '../../../shared/workloads/registry';

export interface PlaygroundLink {
  readonly place?: Place;
  readonly workload?: PlaygroundWorkload;
  /** Seconds of single-thread work: a preset (1s, 3s, 10s) or any whole number up to 60. */
  readonly size?: number;
  readonly autorun: boolean;
}

export interface ParsedLink {
  readonly link: PlaygroundLink;
  /** One message per bad parameter; the good ones still apply. */
  readonly errors: readonly string[];
}

/** Longest part of a link's value that a message quotes: a link can carry 400 kB in one parameter. */
export const QUOTE_MAX = 40;

/** A value from a link, as a message quotes it: a short prefix, on one line. */
export function quoted(value: string): string {
  return `“${printableLine(value, QUOTE_MAX)}”`;
}

export interface LinkContext {
  /** The desktop app: the main-process places exist. */
  readonly desktop: boolean;
  /** Where the web edition runs a desktop-only place instead. */
  readonly fallback: Place;
}

const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * Reads `?place=…&workload=…&size=…&autorun=1` for presenters. Unknown values are reported,
 * never guessed, and an autorun with a bad parameter does not start — a desktop-only place in the
 * web edition included: the link asked for something this edition cannot do.
 */
export function parseDeepLink(
  search: string,
  context: LinkContext = { desktop: true, fallback: 'web-worker' },
): ParsedLink {
  const query = new URLSearchParams(search);
  const errors: string[] = [];
  const link: { place?: Place; workload?: PlaygroundWorkload; size?: number; autorun: boolean } = { autorun: false };

  const place = query.get('place');
  if (place !== null) {
    if (!isPlace(place)) errors.push(`Unknown place ${quoted(place)}. Use one of: ${PLACES.join(', ')}.`);
    else if (PLACE_INFO[place].desktopOnly && !context.desktop)
      errors.push(
        `“${place}” needs the desktop app; this web edition uses ${PLACE_INFO[context.fallback].label} instead.`,
      );
    else link.place = place;
  }
  const workload = query.get('workload');
  if (workload !== null) {
    if (oneOf(PLAYGROUND_WORKLOADS, workload)) link.workload = workload;
    else errors.push(`Unknown workload ${quoted(workload)}. Use one of: ${PLAYGROUND_WORKLOADS.join(', ')}.`);
  }
  const size = query.get('size');
  if (size !== null) {
    const seconds = parseSizeSeconds(size);
    if (seconds !== null) link.size = seconds;
    else
      errors.push(
        `Unknown size ${quoted(size)}. Use ${SIZE_PRESETS.join(', ')} or any whole number of seconds up to ${MAX_SIZE_SECONDS}s.`,
      );
  }
  const autorun = query.get('autorun');
  if (autorun !== null) {
    if (autorun === '1' || autorun === 'true') link.autorun = true;
    else if (autorun !== '0' && autorun !== 'false') errors.push(`autorun must be 1 or 0, not ${quoted(autorun)}.`);
  }
  if (errors.length > 0 && link.autorun) {
    link.autorun = false;
    errors.push('The run was not started because of the problem above.');
  }
  return { link, errors };
}
