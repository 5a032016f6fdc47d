import { useState } from 'react';
import type { ScreenProps } from '../nav/screen-props';
import { ALERT, CARD } from '../ui/card';
import { ExportBar } from '../session/export-bar';
import { ChapterList } from './chapter-list';
import { CodeView } from './code-view';
import { ExpectedMeasured } from './expected-measured';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useChapterAddress } from './use-chapter-address';
import { useChapterRunner } from './use-chapter-runner';
import { useFullScreen } from './use-full-screen';
import { useSessionRecording } from './use-session-recording';
import { useWorkshopKeys } from './use-workshop-keys';
import { CHAPTERS } from './workshop-chapters';

const BUTTON =
  'rounded-xl border text-base border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 focus-visible:outline-3 ' +
  'focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';
const RUN_BUTTON =
  'rounded-xl px-6 py-3 font-semibold text-white shadow ' +
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500';
const LINK_ERROR = `${ALERT} mb-4 p-3 text-sm`;
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
  const run = () => runner.run(session.record);
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
                onClick={() => show(index - 1)}
                disabled={index === 0 || running}
                aria-keyshortcuts="ArrowLeft"
              >
                ← Previous
              </button>
              <button
                type="button"
                className={BUTTON}
                onClick={() => show(index + 1)}
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
            className={`grid grid-cols-1 gap-8 ${
              presenter ? '2xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]' : 'xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]'
            }`}
          >
            <div className="min-w-0 space-y-6">
              <div
                className={`space-y-3 ${presenter ? 'text-xl leading-relaxed' : 'text-base leading-7'} text-slate-700 dark:text-slate-200`}
              >
                {chapter.explanation.map((p) => (
                  <p key={p}>{p}</p>
                ))}
              </div>

              <ExpectedMeasured
                expected={chapter.expected}
                latest={session.latest}
                running={running}
                presenter={presenter}
              />

              <div className="flex flex-wrap items-center gap-3">
                <button
                  type="button"
                  data-testid="run-chapter"
                  onClick={running ? runner.cancel : run}
                  aria-keyshortcuts={running ? 'Escape' : 'Space'}
                  className={`${RUN_BUTTON} ${presenter ? 'text-2xl' : 'text-lg'} ${
                    running ? 'bg-rose-600 hover:bg-rose-700' : 'bg-sky-700 hover:bg-sky-800'
                  }`}
                >
                  {running ? 'Cancel (Esc)' : 'Run (Space)'}
                </button>
                {!presenter && <ExportBar source="workshop" current={latestRuns} desktop={desktop} />}
              </div>

              {/* Keyed by chapter: a new chapter is a new demo, which registers its own run and cancel. */}
              <Demo key={chapter.id} register={runner.register} presenter={presenter} dark={dark} />
            </div>

            <div className="min-w-0 space-y-4">
              <h3 className={`font-semibold ${presenter ? 'text-2xl' : 'text-lg'}`}>The code that runs</h3>
              {chapter.sources.map((s) => (
                <CodeView key={s.path + String(s.lines)} source={s} presenter={presenter} />
              ))}
            </div>
          </div>

          {presenter && <ExportBar source="workshop" current={latestRuns} desktop={desktop} presenter />}
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
