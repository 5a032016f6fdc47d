/**
 * The app's screens, in the order of the tab bar and of the desktop app's Go menu. `?screen=<id>`
 * deep-links to one (e2e/csp.e2e.test.ts opens each and checks it is that screen). Here, in the
 * pure layer, so the page and the main process name them from one list.
 */
export const SCREENS = [
  { id: 'playground', label: 'Playground' },
  { id: 'downloads', label: 'Downloads' },
  { id: 'lab', label: 'Concurrency lab' },
  { id: 'compare', label: 'Compare' },
  { id: 'workshop', label: 'Workshop' },
  { id: 'audience', label: 'Audience' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];
