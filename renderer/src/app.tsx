import { lazy, Suspense } from 'react';
import { ComparePane } from './compare/compare-pane';
import { comparePaneOf } from './compare/pane-transport';
import { isDesktop } from './edition';
import { SCREENS, type ScreenId } from '../../shared/screens';
import { screenTitle } from './nav/screens';
import { useDocumentTitle } from './nav/use-document-title';
import { useScreen } from './nav/use-screen';
import { Playground } from './playground/playground';
import { AboutLine } from './ui/about-line';
import { ALERT } from './ui/card';
import { useTheme } from './ui/theme';

const EDITION_BADGE = [
  'rounded-full border border-slate-300 px-3 py-1 text-sm font-medium text-slate-600',
  'dark:border-slate-700 dark:text-slate-300',
].join(' ');
const THEME_BUTTON = [
  'rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100',
  'focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700',
  'dark:hover:bg-slate-800',
].join(' ');

// Loaded when first opened: the Playground, where most visits start, parses and paints sooner.
const DownloadsScreen = lazy(() =>
  import('./downloads/downloads-screen').then((m) => ({ default: m.DownloadsScreen })),
);
const LabScreen = lazy(() => import('./lab/lab-screen').then((m) => ({ default: m.LabScreen })));
const CompareScreen = lazy(() => import('./compare/compare-screen').then((m) => ({ default: m.CompareScreen })));
const WorkshopScreen = lazy(() => import('./workshop/workshop-screen').then((m) => ({ default: m.WorkshopScreen })));
const AudienceScreen = lazy(() => import('./audience/audience-screen').then((m) => ({ default: m.AudienceScreen })));

const desktop = isDesktop();
/** `?screen=compare&pane=…`: this page is one pane of a comparison, and shows nothing else. */
const comparePane = comparePaneOf(window.location.search);

export function App() {
  const theme = useTheme();
  const nav = useScreen();
  useDocumentTitle(comparePane === null ? screenTitle(nav.screen) : screenTitle('compare', comparePane));
  // A pane is a page of its own (a frame, or a view of the desktop app): ComparePane is its one <main>.
  if (comparePane !== null) return <ComparePane pane={comparePane} desktop={desktop} />;
  return (
    <div className="mx-auto max-w-[1600px] px-4 py-5 sm:px-6">
      <header className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <div className="flex items-center gap-3">
          <Logo />
          <div>
            <h1 className="text-2xl font-bold tracking-tight">Unfreeze</h1>
            <p className="text-sm text-slate-500 dark:text-slate-400">
              The same work, on the main thread or in the background — measured.
            </p>
          </div>
        </div>
        <div className="flex items-center gap-3">
          <span
            data-testid="edition"
            className={EDITION_BADGE}
            title={
              desktop
                ? 'All six places are available'
                : 'Electron’s main process, worker threads and utility processes need the desktop app'
            }
          >
            {desktop ? 'Desktop app' : 'Web edition'}
            {crossOriginIsolated ? '' : ' · not cross-origin isolated'}
          </span>
          <button
            type="button"
            onClick={theme.cycle}
            className={THEME_BUTTON}
            aria-label={`Theme: ${theme.choice}. Switch theme`}
          >
            Theme: {theme.choice}
          </button>
        </div>
      </header>
      <ScreenTabs current={nav.screen} onGo={nav.go} />
      {nav.error && (
        <p role="alert" className={`${ALERT} mb-4 p-3 text-sm`}>
          {nav.error}
        </p>
      )}
      <main>
        <Suspense fallback={<p className="p-6 text-slate-500 dark:text-slate-400">Loading…</p>}>
          {nav.screen === 'playground' && <Playground desktop={desktop} dark={theme.dark} />}
          {nav.screen === 'downloads' && <DownloadsScreen desktop={desktop} dark={theme.dark} />}
          {nav.screen === 'lab' && <LabScreen desktop={desktop} dark={theme.dark} />}
          {nav.screen === 'compare' && <CompareScreen desktop={desktop} dark={theme.dark} />}
          {nav.screen === 'workshop' && <WorkshopScreen desktop={desktop} dark={theme.dark} />}
          {nav.screen === 'audience' && <AudienceScreen desktop={desktop} dark={theme.dark} />}
        </Suspense>
      </main>
      <AboutLine />
    </div>
  );
}

function ScreenTabs({ current, onGo }: { readonly current: ScreenId; readonly onGo: (screen: ScreenId) => void }) {
  return (
    <nav aria-label="Screens" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
      {SCREENS.map((s) => (
        <a
          key={s.id}
          href={`?screen=${s.id}`}
          aria-current={s.id === current ? 'page' : undefined}
          onClick={(e) => {
            // A plain link still works with a modifier key (new window); a click stays in the page.
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            onGo(s.id);
          }}
          className={`-mb-px rounded-t-lg border-b-2 px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-500 ${
            s.id === current
              ? 'border-sky-500 text-sky-700 dark:text-sky-300'
              : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 ' +
                'dark:text-slate-400 dark:hover:text-slate-100'
          }`}
        >
          {s.label}
        </a>
      ))}
    </nav>
  );
}

function Logo() {
  return (
    <svg viewBox="0 0 32 32" className="size-10" aria-hidden>
      <defs>
        <linearGradient id="logo-g" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#38bdf8" />
          <stop offset="1" stopColor="#10b981" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#logo-g)" />
      <path d="M10 8v9a6 6 0 0 0 12 0V8" fill="none" stroke="white" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
