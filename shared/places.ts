/**
 * The six places a workload can run (ARCHITECTURE.md, "The six places"). The first three exist in any browser; the
 * last three need the desktop app's main process.
 */
export const PLACES = [
  'renderer-main',
  'renderer-sliced',
  'web-worker',
  'main-process',
  'worker-thread',
  'utility-process',
] as const;

export type Place = (typeof PLACES)[number];

export interface PlaceInfo {
  readonly place: Place;
  readonly label: string;
  /** One sentence the audience reads in the selector. */
  readonly blurb: string;
  /** Whether the page's own thread stays free while the work runs. */
  readonly keepsPageResponsive: boolean;
  readonly desktopOnly: boolean;
  /** Whether a running task can be stopped part-way. */
  readonly cancellable: boolean;
}

export const PLACE_INFO: Readonly<Record<Place, PlaceInfo>> = {
  'renderer-main': {
    place: 'renderer-main',
    label: 'Page main thread',
    blurb: 'Runs to completion on the page’s own thread: no frames, no input until it ends.',
    keepsPageResponsive: false,
    desktopOnly: false,
    cancellable: false,
  },
  'renderer-sliced': {
    place: 'renderer-sliced',
    label: 'Main thread, sliced',
    blurb:
      'Same thread, in slices that end as a frame falls due, with a yield between them, ' +
      'so frames and input get their turn (like asyncio).',
    keepsPageResponsive: true,
    desktopOnly: false,
    cancellable: true,
  },
  'web-worker': {
    place: 'web-worker',
    label: 'Web Workers',
    blurb: 'A pool of Web Workers inside this renderer process; the page’s thread only paints.',
    keepsPageResponsive: true,
    desktopOnly: false,
    cancellable: true,
  },
  'main-process': {
    place: 'main-process',
    label: 'Electron main process',
    blurb:
      'Blocks Electron’s main process: every window, menu and IPC call of the app stalls. ' +
      'It refuses work its own calibration puts well past 60 s, since nothing could stop it.',
    keepsPageResponsive: false,
    desktopOnly: true,
    cancellable: false,
  },
  'worker-thread': {
    place: 'worker-thread',
    label: 'Worker threads',
    blurb: 'A worker_threads pool in the main process: the main process stays free.',
    keepsPageResponsive: true,
    desktopOnly: true,
    cancellable: true,
  },
  'utility-process': {
    place: 'utility-process',
    label: 'Utility processes',
    blurb: 'Separate OS processes: responsive, and a crash there cannot take the app down.',
    keepsPageResponsive: true,
    desktopOnly: true,
    cancellable: true,
  },
};

export function isPlace(value: string): value is Place {
  return (PLACES as readonly string[]).includes(value);
}
