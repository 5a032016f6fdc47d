import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DOWNLOAD_CHAPTERS } from '../downloads/download-chapters';
import { LAB_CHAPTERS } from '../lab/lab-chapters';
import { screenSearch } from '../nav/screens';
import type { ScreenProps } from '../nav/screen-props';
import { CARD } from '../ui/card';
import type { Chapter, ChapterOutcome } from './chapter';
import { orderChapters, parseWorkshopLink } from './chapter-order';
import { cpuChapter } from './chapters/cpu-chapter';
import { freezeChapter } from './chapters/freeze-chapter';
import { tinyChapter } from './chapters/tiny-chapter';
import { CodeView } from './code-view';
import { ExportBar } from './export-bar';
import { sessionStore, useSessionRuns } from './session-store';
import { ShortcutsDialog } from './shortcuts-dialog';
import { actionOf } from './workshop-keys';

/** Every chapter, in the order of the tutorial table (DESIGN.md), whichever areas have filled theirs in. */
export const CHAPTERS: readonly Chapter[] = orderChapters([
  [freezeChapter],
  DOWNLOAD_CHAPTERS,
  LAB_CHAPTERS,
  [cpuChapter, tinyChapter],
]);

const BUTTON =
  'rounded-xl border text-base border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';

const readLink = () => parseWorkshopLink(window.location.search, CHAPTERS);

export function WorkshopScreen({ desktop, dark }: ScreenProps) {
  const [link] = useState(readLink);
  const [index, setIndex] = useState(link.index);
  const [linkError, setLinkError] = useState(link.error ?? null);
  const [presenter, setPresenter] = useState(link.presenter);
  const [tokens, setTokens] = useState({ run: 0, cancel: 0 });
  const [running, setRunning] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const runs = useSessionRuns();
  const stage = useRef<HTMLDivElement>(null);

  const chapter = CHAPTERS[index];

  // The address bar always names the chapter shown, so a copied link opens it again.
  useEffect(() => {
    if (!chapter) return;
    const extra: Record<string, string> = { chapter: chapter.id };
    if (presenter) extra['presenter'] = '1';
    window.history.replaceState(null, '', screenSearch('workshop', extra));
  }, [chapter, presenter]);

  const go = useCallback(
    (to: number) => {
      if (running || to < 0 || to >= CHAPTERS.length) return;
      setIndex(to);
      setTokens({ run: 0, cancel: 0 });
    },
    [running],
  );
  const run = useCallback(() => {
    if (!running) setTokens((t) => ({ ...t, run: t.run + 1 }));
  }, [running]);
  const cancel = useCallback(() => setTokens((t) => ({ ...t, cancel: t.cancel + 1 })), []);

  const togglePresenter = useCallback(() => setPresenter((p) => !p), []);

  // Full screen where the browser allows it (it needs a user gesture); the overlay works without.
  useEffect(() => {
    const el = stage.current;
    if (presenter && el && document.fullscreenElement === null && el.requestFullscreen) {
      el.requestFullscreen().catch(() => {
        // Refused (no gesture, or not allowed here): the full-window overlay is enough.
      });
    }
    if (!presenter && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  }, [presenter]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (shortcutsOpen) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = actionOf({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        targetTag: target?.tagName ?? '',
        targetEditable: target?.isContentEditable ?? false,
      });
      if (action === null) return;
      // Space would also click a focused button, and scroll the page: the shortcut wins.
      e.preventDefault();
      switch (action) {
        case 'previous':
          return go(index - 1);
        case 'next':
          return go(index + 1);
        case 'run':
          return run();
        case 'cancel':
          return cancel();
        case 'presenter':
          return togglePresenter();
        case 'shortcuts':
          return setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [shortcutsOpen, go, index, run, cancel, togglePresenter]);

  const onOutcome = useCallback(
    (outcome: ChapterOutcome) => {
      if (!chapter) return;
      sessionStore.record({
        source: 'workshop',
        chapterId: chapter.id,
        title: chapter.title,
        expected: chapter.expected,
        measured: outcome.measured,
        asExpected: outcome.asExpected,
        figures: outcome.figures,
        at: new Date().toISOString(),
      });
    },
    [chapter],
  );

  const latest = useMemo(
    () =>
      chapter ? [...runs].reverse().find((r) => r.chapterId === chapter.id && r.source === 'workshop') : undefined,
    [runs, chapter],
  );

  if (!chapter) {
    return (
      <section className={CARD} aria-labelledby="workshop-heading">
        <h2 id="workshop-heading" className="text-xl font-semibold">
          Workshop
        </h2>
        <p className="mt-2">No chapters yet.</p>
      </section>
    );
  }

  const { Demo } = chapter;
  const measuredIds = new Set(runs.map((r) => r.chapterId));

  return (
    <div
      ref={stage}
      data-testid="workshop"
      data-presenter={presenter ? 'on' : 'off'}
      className={
        presenter
          ? 'fixed inset-0 z-40 overflow-auto bg-slate-50 px-10 py-8 text-slate-900 dark:bg-slate-950 dark:text-slate-100'
          : ''
      }
    >
      {linkError && !presenter && (
        <p
          role="alert"
          className="mb-4 rounded-xl border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-100"
        >
          {linkError}{' '}
          <button type="button" className="ml-2 font-medium underline" onClick={() => setLinkError(null)}>
            Dismiss
          </button>
        </p>
      )}
      <div
        className={presenter ? 'mx-auto max-w-[1800px]' : 'grid grid-cols-1 gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]'}
      >
        {!presenter && (
          <nav aria-label="Chapters" className={`${CARD} h-fit`}>
            <h2 className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
              Chapters
            </h2>
            <ol className="space-y-1">
              {CHAPTERS.map((c, i) => (
                <li key={c.id}>
                  <button
                    type="button"
                    onClick={() => go(i)}
                    disabled={running && i !== index}
                    aria-current={i === index ? 'step' : undefined}
                    className={`flex w-full items-start gap-2 rounded-lg px-2 py-1.5 text-left text-sm focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-50 ${
                      i === index
                        ? 'bg-sky-100 font-semibold text-sky-900 dark:bg-sky-900/50 dark:text-sky-100'
                        : 'hover:bg-slate-100 dark:hover:bg-slate-800'
                    }`}
                  >
                    <span className="w-5 shrink-0 text-right tabular-nums text-slate-500 dark:text-slate-400">
                      {i + 1}
                    </span>
                    <span className="flex-1">{c.concept}</span>
                    {measuredIds.has(c.id) && (
                      <span aria-label="measured" className="text-emerald-600 dark:text-emerald-400">
                        ●
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        )}

        <article
          aria-labelledby="chapter-title"
          data-testid="chapter"
          data-chapter={chapter.id}
          data-running={running}
          className={presenter ? 'space-y-6' : `${CARD} min-w-0 space-y-6`}
        >
          <header className="flex flex-wrap items-start justify-between gap-4">
            <div className="min-w-0">
              <p
                className={`font-semibold tracking-wide text-sky-700 uppercase dark:text-sky-300 ${presenter ? 'text-xl' : 'text-sm'}`}
              >
                Chapter {index + 1} of {CHAPTERS.length} · {chapter.concept}
              </p>
              <h2
                id="chapter-title"
                className={`font-bold tracking-tight ${presenter ? 'mt-1 text-5xl' : 'mt-1 text-3xl'}`}
              >
                {chapter.title}
              </h2>
            </div>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className={BUTTON}
                onClick={() => go(index - 1)}
                disabled={index === 0 || running}
                aria-keyshortcuts="ArrowLeft"
              >
                ← Previous
              </button>
              <button
                type="button"
                className={BUTTON}
                onClick={() => go(index + 1)}
                disabled={index === CHAPTERS.length - 1 || running}
                aria-keyshortcuts="ArrowRight"
              >
                Next →
              </button>
              <button
                type="button"
                className={BUTTON}
                onClick={togglePresenter}
                aria-pressed={presenter}
                aria-keyshortcuts="p"
                data-testid="presenter-toggle"
              >
                {presenter ? 'Leave presenter mode' : 'Presenter mode'}
              </button>
              <button
                type="button"
                className={BUTTON}
                onClick={() => setShortcutsOpen(true)}
                aria-keyshortcuts="Shift+?"
                aria-label="Keyboard shortcuts"
              >
                ?
              </button>
            </div>
          </header>

          <div
            className={`grid grid-cols-1 gap-8 ${presenter ? '2xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]' : 'xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]'}`}
          >
            <div className="min-w-0 space-y-6">
              <div
                className={`space-y-3 ${presenter ? 'text-xl leading-relaxed' : 'text-base leading-7'} text-slate-700 dark:text-slate-200`}
              >
                {chapter.explanation.map((p) => (
                  <p key={p}>{p}</p>
                ))}
              </div>

              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <div className="rounded-xl border border-slate-200 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-800/60">
                  <h3
                    className={`font-semibold text-slate-500 dark:text-slate-400 ${presenter ? 'text-lg' : 'text-sm'}`}
                  >
                    Expected
                  </h3>
                  <p className={`mt-1 ${presenter ? 'text-xl' : 'text-base'}`} data-testid="expected">
                    {chapter.expected}
                  </p>
                </div>
                <div
                  className={`rounded-xl border p-4 ${
                    latest === undefined
                      ? 'border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-800/60'
                      : latest.asExpected
                        ? 'border-emerald-300 bg-emerald-50 dark:border-emerald-600/60 dark:bg-emerald-950/40'
                        : 'border-amber-300 bg-amber-50 dark:border-amber-600/60 dark:bg-amber-950/40'
                  }`}
                >
                  <h3
                    className={`font-semibold text-slate-500 dark:text-slate-400 ${presenter ? 'text-lg' : 'text-sm'}`}
                  >
                    Measured here{latest ? (latest.asExpected ? ' — as expected' : ' — not as expected') : ''}
                  </h3>
                  <p
                    className={`mt-1 ${presenter ? 'text-xl' : 'text-base'}`}
                    data-testid="measured"
                    data-as-expected={latest ? String(latest.asExpected) : undefined}
                    data-at={latest?.at}
                    aria-live="polite"
                  >
                    {running ? 'Running…' : (latest?.measured ?? 'Not run yet: press Run (or Space).')}
                  </p>
                </div>
              </div>

              <div className="flex flex-wrap items-center gap-3">
                <button
                  type="button"
                  data-testid="run-chapter"
                  onClick={running ? cancel : run}
                  aria-keyshortcuts={running ? 'Escape' : 'Space'}
                  className={`rounded-xl px-6 py-3 font-semibold text-white shadow focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500 ${
                    presenter ? 'text-2xl' : 'text-lg'
                  } ${running ? 'bg-rose-600 hover:bg-rose-700' : 'bg-sky-600 hover:bg-sky-700'}`}
                >
                  {running ? 'Cancel (Esc)' : 'Run (Space)'}
                </button>
                {!presenter && <ExportBar runs={runs} current={latest} desktop={desktop} />}
              </div>

              <Demo
                key={chapter.id}
                runToken={tokens.run}
                cancelToken={tokens.cancel}
                presenter={presenter}
                dark={dark}
                onOutcome={onOutcome}
                onRunningChange={setRunning}
              />
            </div>

            <div className="min-w-0 space-y-4">
              <h3 className={`font-semibold ${presenter ? 'text-2xl' : 'text-lg'}`}>The code that runs</h3>
              {chapter.sources.map((s) => (
                <CodeView key={s.path + String(s.lines)} source={s} presenter={presenter} />
              ))}
            </div>
          </div>

          {presenter && (
            <p className="text-center text-lg text-slate-500 dark:text-slate-400">
              ← → chapters · Space run · Esc cancel · P leave presenter mode · ? shortcuts
            </p>
          )}
        </article>
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
