import { DOWNLOAD_LIMITS, type DownloadParamsInput } from '../../../shared/workloads/download/download';

/** The custom queue's form, as typed: strings, so a bad entry is shown and explained, not lost. */
export interface QueueForm {
  readonly files: string;
  readonly sizeKB: string;
  readonly bandwidthKBps: string;
  readonly latencyMs: string;
  readonly jitterPct: string;
  readonly failurePct: string;
  readonly retries: string;
  readonly concurrency: string;
  readonly seed: string;
}

export const DEFAULT_FORM: QueueForm = {
  files: '6',
  sizeKB: '500',
  bandwidthKBps: '250',
  latencyMs: '100',
  jitterPct: '20',
  failurePct: '0',
  retries: '3',
  concurrency: '3',
  seed: '1',
};

/** A number as typed; anything that is not a plain number becomes NaN, which the schema refuses by range. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * The form's values as the download workload's parameters. The file count is checked here,
 * before a thousand-and-one file list is built; every other range is the schema's to check.
 */
export function queueParams(
  form: QueueForm,
  sequentialOnly: boolean,
): DownloadParamsInput | { readonly error: string } {
  const count = num(form.files);
  if (!Number.isInteger(count) || count < 1 || count > DOWNLOAD_LIMITS.maxFiles)
    return { error: `files must be a whole number from 1 to ${DOWNLOAD_LIMITS.maxFiles.toLocaleString('en-US')}` };
  const size = Math.round(num(form.sizeKB) * 1000);
  const width = String(count).length;
  return {
    files: Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      name: `file-${String(i + 1).padStart(width, '0')}.bin`,
      size,
    })),
    bandwidth: Math.round(num(form.bandwidthKBps) * 1000),
    latencyMs: num(form.latencyMs),
    jitter: num(form.jitterPct) / 100,
    failureRate: num(form.failurePct) / 100,
    retries: num(form.retries),
    concurrency: sequentialOnly ? 1 : num(form.concurrency),
    seed: num(form.seed),
  };
}
