import { z } from 'zod';
import { intInRange, numberInRange } from '../workloads/ranges';

/** Short printable text: no control characters, so a name cannot break a dashboard line or a CSV row. */
export const shortText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .min(1, { error: `${label} must not be empty` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .regex(/^[^\p{Cc}]*$/u, { error: `${label} must not contain control characters` });

/**
 * What an attendee's device says about itself, and nothing more: the browser's family and major
 * version, the operating system's family, whether it is a phone or tablet, the core count and
 * the memory the browser reports (Chromium rounds it to a power of two; others say nothing).
 */
export const deviceSummarySchema = z.strictObject({
  browser: shortText('device.browser', 40),
  os: shortText('device.os', 40),
  mobile: z.boolean({ error: 'device.mobile must be true or false' }),
  cores: intInRange('device.cores', 1, 1024).nullable(),
  memoryGiB: numberInRange('device.memoryGiB', 0, 1024).nullable(),
});
export type DeviceSummary = z.output<typeof deviceSummarySchema>;

/** One line for the dashboard and the exports: "Chrome 131 · Android · 8 cores · 4 GiB". */
export function describeDevice(device: DeviceSummary): string {
  return [
    device.browser,
    device.os,
    device.cores === null ? null : `${device.cores} ${device.cores === 1 ? 'core' : 'cores'}`,
    device.memoryGiB === null ? null : `${device.memoryGiB} GiB`,
  ]
    .filter((part) => part !== null)
    .join(' · ');
}
