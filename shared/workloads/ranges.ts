import { z } from 'zod';

// Significant digits, not the default 3 fraction digits, so a bound like 1e-12 is not shown as 0.
const fmt = (n: number): string => n.toLocaleString('en-US', { maximumSignificantDigits: 15 });

/** An integer parameter whose error message names the allowed range. */
export function intInRange(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${fmt(min)} to ${fmt(max)}`;
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

/** A finite number parameter whose error message names the allowed range. */
export function numberInRange(label: string, min: number, max: number) {
  const message = `${label} must be a number from ${fmt(min)} to ${fmt(max)}`;
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
}
