import type { Place } from '../../../shared/places';

/** Where the download manager runs, as the Downloads screen offers it. */
export const DOWNLOAD_PLACES = ['background', 'event-loop', 'blocking'] as const;
export type DownloadPlace = (typeof DOWNLOAD_PLACES)[number];

export interface DownloadPlaceInfo {
  readonly label: string;
  readonly blurb: string;
  /** A synchronous download returns only when its file is complete: one file at a time. */
  readonly sequentialOnly: boolean;
  readonly freezes: boolean;
}

export function downloadPlaceInfo(place: DownloadPlace, desktop: boolean): DownloadPlaceInfo {
  switch (place) {
    case 'background':
      return {
        label: desktop ? 'Background: utility process' : 'Background: Web Worker',
        blurb: desktop
          ? 'The whole queue runs in an Electron utility process, its own OS process; this page only draws the progress.'
          : 'The whole queue runs in a Web Worker; this page only draws the progress.',
        sequentialOnly: false,
        freezes: false,
      };
    case 'event-loop':
      return {
        label: 'This page’s event loop (async)',
        blurb:
          'On the page’s own thread, but every wait is a timer: while a file waits for bytes, the page paints and answers ' +
          '— the asyncio way.',
        sequentialOnly: false,
        freezes: false,
      };
    case 'blocking':
      return {
        label: 'Blocking, on the main thread',
        blurb:
          'Each chunk is a synchronous wait, as a synchronous download API would do: one file after another, and the page ' +
          'is frozen throughout.',
        sequentialOnly: true,
        freezes: true,
      };
  }
}

/** The place of the shared runners that each download place maps to. */
export function runnerPlace(place: DownloadPlace, desktop: boolean): Place {
  switch (place) {
    case 'background':
      return desktop ? 'utility-process' : 'web-worker';
    case 'event-loop':
      return 'renderer-sliced';
    case 'blocking':
      return 'renderer-main';
  }
}
