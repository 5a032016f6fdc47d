import { useRef, useState } from 'react';
import type { ScreenProps } from '../nav/screen-props';
import { ALERT, CARD } from '../ui/card';
import { ExportBar } from '../session/export-bar';
import { ChapterList } from './chapter-list';
import { CodeView } from './code-view';
import { ExpectedCard, MeasuredCard } from './expected-measured';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useChapterAddress } from './use-chapter-address';
import { useChapterRunner } from './use-chapter-runner';
import { useFullScreen } from './use-full-screen';
import { useSessionRecording } from './use-session-recording';
import { useRunFocus } from './use-run-focus';
import { useWorkshopKeys } from './use-workshop-keys';
import { CHAPTERS } from './workshop-chapters';

const BUTTON =
  'rounded-xl border text-base border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 focus-visible:outline-3 ' +
  'focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';
const RUN_BUTTON =
  'rounded-xl px-6 py-3 font-semibold text-white shadow ' +
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500';
const LINK_ERROR = `${ALERT} mb-4 p-3 text-sm`;
/** Stage and lesson side by side only where both fit; the stage first and wider. */
const STAGE_AND_LESSON = '2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]';
const STAGE_AND_LESSON_PRESENTER = 'xl:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]';
/** Beside the stage, the lesson scrolls in its own pane, so the stage never moves. */
const LESSON_PANE = '2xl:sticky 2xl:top-4 2xl:max-h-[calc(100vh-2rem)] 2xl:overflow-auto 2xl:pr-2';
const LESSON_PANE_PRESENTER = 'xl:max-h-[calc(100vh-12rem)] xl:overflow-auto xl:pr-2';
const PRESENTER_STAGE =
  'fixed inset-0 z-40 overflow-auto bg-slate-50 px-10 py-8 text-slate-900 dark:bg-slate-950 dark:text-slate-100';

/**
 * The workshop: one chapter at a time, its explanation, its demo with Run, expected vs measured,
 * and the code that runs. Only layout lives here; each job is a hook of its own: the address
 * (which chapter, presenter mode), the run (ChapterRunner), the session record, the keys, full screen.
 */
export function WorkshopScreen({ desktop, dark }: ScreenProps) {
  const runner = useChapterRunner();
  const address = useChapterAddress(CHAPTERS);
  const { chapter, index, presenter, togglePresenter } = address;
  const session = useSessionRecording(chapter);
  const stage = useFullScreen<HTMLDivElement>(presenter);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  // A run belongs to its chapter: no other chapter is shown until it ends.
  const show = (to: number) => {
    if (!runner.running) address.show(to);
  };
  const runButton = useRef<HTMLButtonElement>(null);
  const focus = useRunFocus(runner.running, runButton);
  const run = () => {
    focus.remember();
    runner.run(session.record);
  };
  useWorkshopKeys(!shortcutsOpen, {
    previous: () => show(index - 1),
    next: () => show(index + 1),
    run,
    cancel: runner.cancel,
    presenter: togglePresenter,
    shortcuts: () => setShortcutsOpen(true),
  });

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
  const latestRuns = session.latest ? [session.latest] : [];
  const { running } = runner;
  const nav = `${BUTTON} ${presenter ? 'text-xl' : 'text-base'}`;

  return (
    <div
      ref={stage}
      data-testid="workshop"
      data-presenter={presenter ? 'on' : 'off'}
      className={presenter ? PRESENTER_STAGE : ''}
    >
      {address.linkError && !presenter && (
        <p role="alert" className={LINK_ERROR}>
          {address.linkError}{' '}
          <button type="button" className="ml-2 font-medium underline" onClick={address.dismissLinkError}>
            Dismiss
          </button>
        </p>
      )}
      <div
        className={presenter ? 'mx-auto max-w-[1800px]' : 'grid grid-cols-1 gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]'}
      >
        {!presenter && (
          <ChapterList
            chapters={CHAPTERS}
            index={index}
            measuredIds={session.measuredIds}
            locked={running}
            onShow={show}
          />
        )}

        <article
          aria-labelledby="chapter-title"
          data-testid="chapter"
          data-chapter={chapter.id}
          data-running={running}
          className={presenter ? 'space-y-4' : `${CARD} min-w-0 space-y-4`}
        >
          <header>
            <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
              <p
                className={`font-semibold tracking-wide text-sky-700 uppercase dark:text-sky-300 ${presenter ? 'text-xl' : 'text-sm'}`}
              >
                Chapter {index + 1} of {CHAPTERS.length} · {chapter.concept}
              </p>
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  className={nav}
                  onClick={() => show(index - 1)}
                  disabled={index === 0 || running}
                  aria-keyshortcuts="ArrowLeft PageUp"
                >
                  ← Previous
                </button>
                <button
                  type="button"
                  className={nav}
                  onClick={() => show(index + 1)}
                  disabled={index === CHAPTERS.length - 1 || running}
                  aria-keyshortcuts="ArrowRight PageDown"
                >
                  Next →
                </button>
                <button
                  type="button"
                  className={nav}
                  onClick={togglePresenter}
                  aria-pressed={presenter}
                  aria-keyshortcuts="p"
                  data-testid="presenter-toggle"
                >
                  {presenter ? 'Leave presenter mode' : 'Presenter mode'}
                </button>
                <button
                  type="button"
                  className={nav}
                  onClick={() => setShortcutsOpen(true)}
                  aria-keyshortcuts="Shift+?"
                  aria-label="Keyboard shortcuts"
                >
                  ?
                </button>
              </div>
            </div>
            <h2 id="chapter-title" className={`mt-1 font-bold tracking-tight ${presenter ? 'text-4xl' : 'text-2xl'}`}>
              {chapter.title}
            </h2>
          </header>

          {/*
            One screen, one story: the stage (Run, the verdict, the demo) comes first and takes the
            wider column; the lesson (explanation and code) sits beside it in a pane that scrolls on
            its own, or below it where the screen is too narrow for both.
          */}
          <div className={`grid grid-cols-1 gap-6 ${presenter ? STAGE_AND_LESSON_PRESENTER : STAGE_AND_LESSON}`}>
            <section aria-label="Demo" className="min-w-0 space-y-4" data-testid="chapter-stage">
              <div className="flex flex-wrap items-center gap-3">
                <button
                  ref={runButton}
                  type="button"
                  data-testid="run-chapter"
                  onClick={running ? runner.cancel : run}
                  aria-keyshortcuts={running ? 'Escape' : 'Space'}
                  className={`${RUN_BUTTON} ${presenter ? 'text-2xl' : 'text-lg'} ${
                    running ? 'bg-rose-700 hover:bg-rose-800' : 'bg-sky-700 hover:bg-sky-800'
                  }`}
                >
                  {running ? 'Cancel (Esc)' : 'Run (Space)'}
                </button>
                {!presenter && <ExportBar source="workshop" current={latestRuns} desktop={desktop} />}
              </div>

              <MeasuredCard latest={session.latest} running={running} presenter={presenter} />

              {/* Keyed by chapter: a new chapter is a new demo, which registers its own run and cancel. */}
              <Demo key={chapter.id} register={runner.register} presenter={presenter} dark={dark} />
            </section>

            <section
              aria-label="Explanation and code"
              tabIndex={0}
              data-testid="chapter-lesson"
              className={`min-w-0 space-y-4 rounded-xl focus-visible:outline-3 focus-visible:outline-sky-500 ${
                presenter ? LESSON_PANE_PRESENTER : LESSON_PANE
              }`}
            >
              <ExpectedCard expected={chapter.expected} presenter={presenter} />
              <div
                className={`space-y-3 ${presenter ? 'text-xl leading-relaxed' : 'text-base leading-7'} text-slate-700 dark:text-slate-200`}
              >
                {chapter.explanation.map((p) => (
                  <p key={p}>{p}</p>
                ))}
              </div>
              <h3 className={`font-semibold ${presenter ? 'text-2xl' : 'text-lg'}`}>The code that runs</h3>
              {chapter.sources.map((s) => (
                <CodeView key={s.path + String(s.lines)} source={s} presenter={presenter} />
              ))}
            </section>
          </div>

          {presenter && <ExportBar source="workshop" current={latestRuns} desktop={desktop} presenter />}
          {presenter && (
            <p className="text-center text-xl text-slate-600 dark:text-slate-300">
              ← → chapters · Space run · Esc cancel · P leave presenter mode · ? shortcuts
            </p>
          )}
        </article>
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
