/**
 * The ways the data-cost lab moves a payload to another thread and back, and the sizes it tries.
 * The tutorial's "when not to use threads" has a second half: the messages. Surma measured that
 * payloads up to 10 KiB are risk-free for animation and up to 100 KiB stay within a 100 ms response
 * budget on slow phones, and that transferring an ArrayBuffer costs the same at any size.
 */

export const KIB = 1024;
export const MIB = 1024 * KIB;

/** The largest payload any method sends: the same cap as the `data:echo` channel's schema. */
export const MAX_PAYLOAD_BYTES = 64 * MIB;

/** 1 KiB … 64 MiB in powers of 4: nine sizes, evenly spaced on a log axis. */
export const DATA_COST_SIZES: readonly number[] = Array.from({ length: 9 }, (_, i) => KIB * 4 ** i);

/** The budgets drawn on the chart: what still feels instant, and what still feels like a response. */
export const BUDGETS = [
  { bytes: 10 * KIB, ms: 16.7, label: '10 KiB: safe for animation' },
  { bytes: 100 * KIB, ms: 100, label: '100 KiB: within a 100 ms response' },
] as const;

export const DATA_COST_METHODS = ['clone-objects', 'clone-bytes', 'transfer', 'shared', 'ipc', 'utility-port'] as const;
export type DataCostMethod = (typeof DATA_COST_METHODS)[number];

export interface MethodFacts {
  /** How the legend and the table name it. */
  readonly label: string;
  /** The largest size this method is tried at. */
  readonly maxBytes: number;
  /** Only where `window.unfreeze` exists (the desktop app). */
  readonly desktopOnly: boolean;
}

export const METHOD_FACTS: Readonly<Record<DataCostMethod, MethodFacts>> = {
  // Building 64 MiB of small objects takes the page about a second and half a gigabyte; 16 MiB
  // already shows the point.
  'clone-objects': { label: 'Clone of objects', maxBytes: 16 * MIB, desktopOnly: false },
  'clone-bytes': { label: 'Clone of a Uint8Array', maxBytes: MAX_PAYLOAD_BYTES, desktopOnly: false },
  transfer: { label: 'Transferred ArrayBuffer', maxBytes: MAX_PAYLOAD_BYTES, desktopOnly: false },
  shared: { label: 'SharedArrayBuffer (a "ready" note)', maxBytes: MAX_PAYLOAD_BYTES, desktopOnly: false },
  ipc: { label: 'Electron IPC to the main process', maxBytes: MAX_PAYLOAD_BYTES, desktopOnly: true },
  // A clone of bytes straight to a utility process: a process shares no memory, so nothing is transferred.
  'utility-port': { label: 'MessagePort to a utility process', maxBytes: MAX_PAYLOAD_BYTES, desktopOnly: true },
};

/** "1 KiB", "256 KiB", "64 MiB": sizes as the audience reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${Number((bytes / MIB).toFixed(1))} MiB`;
  if (bytes >= KIB) return `${Number((bytes / KIB).toFixed(1))} KiB`;
  return `${bytes} B`;
}

/** Milliseconds with the precision the figure deserves: "0.05 ms", "3.2 ms", "380 ms". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 0.1) return `${ms.toFixed(2)} ms`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}
