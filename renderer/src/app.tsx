import { isDesktop } from './edition';
import { AboutLine } from './ui/about-line';
import { Playground } from './playground/playground';
import { useTheme } from './ui/theme';

const desktop = isDesktop();

export function App() {
  const theme = useTheme();
  return (
    <div className="mx-auto max-w-[1600px] px-4 py-5 sm:px-6">
      <header className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <div className="flex items-center gap-3">
          <Logo />
          <div>
            <h1 className="text-2xl font-bold tracking-tight">Unfreeze</h1>
            <p className="text-sm text-slate-500 dark:text-slate-400">The same work, on the main thread or in the background — measured.</p>
          </div>
        </div>
        <div className="flex items-center gap-3">
          <span
            data-testid="edition"
            className="rounded-full border border-slate-300 px-3 py-1 text-xs font-medium text-slate-600 dark:border-slate-700 dark:text-slate-300"
            title={desktop ? 'All six places are available' : 'Electron’s main process, worker threads and utility processes need the desktop app'}
          >
            {desktop ? 'Desktop app' : 'Web edition'}
            {crossOriginIsolated ? '' : ' · not cross-origin isolated'}
          </span>
          <button
            type="button"
            onClick={theme.cycle}
            className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:hover:bg-slate-800"
            aria-label={`Theme: ${theme.choice}. Switch theme`}
          >
            Theme: {theme.choice}
          </button>
        </div>
      </header>
      <main>
        <Playground desktop={desktop} dark={theme.dark} />
      </main>
      <AboutLine />
    </div>
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
