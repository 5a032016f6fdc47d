import { PLACE_INFO, type Place } from '../../../shared/places';
import { freezeSentence } from '../meters/freeze-sentence';
import { freezeVerdict, TONE_TEXT } from '../meters/freeze-verdict';
import type { RunView } from './use-task-run';

/** What pressing Start will do, said before the run (the place picked, not yet run). */
function beforeRun(place: Place): string {
  if (place === 'renderer-main') {
    return 'Press Start: nothing on this page answers until the work is done, not even Cancel.';
  }
  if (place === 'main-process') return 'Press Start: the whole app stops answering until the work is done.';
  return PLACE_INFO[place].keepsPageResponsive
    ? `Press Start: the work runs on ${PLACE_INFO[place].label}, and the page keeps drawing and answering.`
    : 'Press Start.';
}

/**
 * The result, as the biggest type on the screen: the freeze in seconds (red) or the worst gap
 * (green), with the sentence under it. During a run it says so; the Playground puts it under a
 * `FreezeCue` with the status line, so a frozen "Measuring…" or clock never passes for a live one.
 */
export function RunHeadline({ view, place }: { view: RunView; place: Place }) {
  const running = view.phase === 'starting' || view.phase === 'running';
  const run = running ? null : view.responsiveness;
  const verdict = run === null ? null : freezeVerdict(run);
  return (
    <div className="min-h-28 rounded-xl px-1 py-1" data-testid="headline" data-tone={verdict?.tone ?? 'none'}>
      {verdict !== null && run !== null ? (
        <>
          <p
            className={`text-5xl leading-none font-extrabold tracking-tight tabular-nums xl:text-6xl ${TONE_TEXT[verdict.tone]}`}
          >
            {verdict.label} <span data-testid="headline-figure">{verdict.figure}</span>
          </p>
          <p className="mt-2 text-lg font-medium" data-testid="freeze-sentence">
            {view.phase === 'cancelled' ? 'Cancelled. ' : view.phase === 'failed' ? 'Failed. ' : ''}
            {/* The task's own wall time, as the status line and the clock show it: one number for one run. */}
            {freezeSentence(view.elapsedMs === null ? run : { ...run, durationMs: view.elapsedMs })}
          </p>
        </>
      ) : (
        <>
          <p className="text-5xl leading-none font-extrabold tracking-tight text-slate-500 dark:text-slate-400">
            {running ? 'Measuring…' : 'Ready'}
          </p>
          <p className="mt-2 text-lg font-medium text-slate-700 dark:text-slate-200">
            {running && view.place === 'renderer-main'
              ? 'The page’s thread is busy: this window will not respond until the run ends.'
              : running && view.place === 'main-process'
                ? 'Electron’s main process is busy: clicks, menus and IPC wait until the run ends.'
                : running
                  ? 'The page keeps drawing: watch both spinners.'
                  : beforeRun(place)}
          </p>
        </>
      )}
    </div>
  );
}
