import { isPlace, PLACES, type Place } from '../../../shared/places';
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

const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * Reads `?place=…&workload=…&size=…&autorun=1` for presenters. Unknown values are reported,
 * never guessed, and an autorun with a bad parameter does not start.
 */
export function parseDeepLink(search: string): ParsedLink {
  const query = new URLSearchParams(search);
  const errors: string[] = [];
  const link: { place?: Place; workload?: PlaygroundWorkload; size?: number; autorun: boolean } = { autorun: false };

  const place = query.get('place');
  if (place !== null) {
    if (isPlace(place)) link.place = place;
    else errors.push(`Unknown place “${place}”. Use one of: ${PLACES.join(', ')}.`);
  }
  const workload = query.get('workload');
  if (workload !== null) {
    if (oneOf(PLAYGROUND_WORKLOADS, workload)) link.workload = workload;
    else errors.push(`Unknown workload “${workload}”. Use one of: ${PLAYGROUND_WORKLOADS.join(', ')}.`);
  }
  const size = query.get('size');
  if (size !== null) {
    const seconds = parseSizeSeconds(size);
    if (seconds !== null) link.size = seconds;
    else
      errors.push(
        `Unknown size “${size}”. Use ${SIZE_PRESETS.join(', ')} or any whole number of seconds up to ${MAX_SIZE_SECONDS}s.`,
      );
  }
  const autorun = query.get('autorun');
  if (autorun !== null) {
    if (autorun === '1' || autorun === 'true') link.autorun = true;
    else if (autorun !== '0' && autorun !== 'false') errors.push(`autorun must be 1 or 0, not “${autorun}”.`);
  }
  if (errors.length > 0 && link.autorun) {
    link.autorun = false;
    errors.push('The run was not started because of the problem above.');
  }
  return { link, errors };
}
