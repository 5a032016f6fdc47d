/**
 * `unfreeze-trace-<place>-<yyyymmdd-hhmmss>.json`, the time local and without separators a file
 * system minds. One name for the page's "Export trace" and the main process's Chromium recording.
 */
export function traceFileName(place: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}` +
    `-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `unfreeze-trace-${place}-${stamp}.json`;
}
