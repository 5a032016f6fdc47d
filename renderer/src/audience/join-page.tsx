import { useState } from 'react';
import { PLACE_INFO, type Place } from '../../../shared/places';
import { Spinners } from '../meters/spinners';
import { freezeSentence } from '../meters/freeze-sentence';
import { messageOf } from '../../../shared/errors/message-of';
import { ProgressBar } from '../ui/progress-bar';
import { ALERT, CARD } from '../ui/card';
import { formatDuration } from '../../../shared/format/format-duration';
import { useTheme } from '../ui/theme';
import { describeThisDevice } from './device-summary';
import { MUTED, PRIMARY_BUTTON } from './audience-styles';
import { QuestionCard, RevealCard } from './join-question';
import { runTheTest, type DeviceRun } from './run-the-test';
import { useAttendeeSession } from './use-attendee-session';

type Phase =
  | { kind: 'ready' }
  | { kind: 'running'; place: Place; fraction: number | null }
  | { kind: 'done'; runs: DeviceRun[] }
  | { kind: 'failed'; message: string };

/**
 * The attendee's page (`?join=<token>`), phone first: one button runs the test on this device,
 * then the page shows this device's own result and sends it to the presenter. Nothing else of the
 * room is shown here but what the presenter puts up (a question, its reveal).
 */
export function JoinPage({ token }: { readonly token: string }) {
  useTheme();
  const session = useAttendeeSession(token);
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const running = phase.kind === 'running';
  const ready = session.runSeconds !== null && session.ended === null;

  const run = async () => {
    if (session.runSeconds === null) return;
    try {
      const runs = await runTheTest(session.runSeconds, (place, fraction) =>
        setPhase({ kind: 'running', place, fraction }),
      );
      setPhase({ kind: 'done', runs });
      const [main, workers] = runs;
      if (main && workers) {
        session.send({ type: 'result', device: describeThisDevice(), main: main.figures, workers: workers.figures });
      }
    } catch (error) {
      setPhase({ kind: 'failed', message: `The test could not run here: ${messageOf(error)}` });
    }
  };

  return (
    <main className="mx-auto flex max-w-xl flex-col gap-5 px-4 py-5">
      <header className="flex items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Unfreeze</h1>
        {session.joinCode && (
          <p className={`text-base ${MUTED}`}>
            Room{' '}
            <span className="font-mono text-xl font-bold text-slate-900 dark:text-slate-100">{session.joinCode}</span>
          </p>
        )}
      </header>
      {session.ended !== null && (
        <p role="alert" className={`${ALERT} p-4 text-lg`}>
          {session.ended}
        </p>
      )}
      {session.ended === null && session.joinCode === null && <p className={`text-lg ${MUTED}`}>Joining the room…</p>}
      {session.question && <QuestionCard question={session.question} session={session} />}
      {session.reveal && <RevealCard reveal={session.reveal} />}
      <section className={CARD}>
        <p className="mb-4 text-lg">
          The same work runs twice on this device: first on the page’s main thread, then in Web Workers. Watch the two
          spinners, and tap the screen while it runs.
        </p>
        <button
          type="button"
          className={`${PRIMARY_BUTTON} mb-5 w-full`}
          disabled={!ready || running}
          onClick={() => void run()}
        >
          {running ? 'Running…' : phase.kind === 'done' ? 'Run the test again' : 'Run the test'}
        </button>
        <Spinners />
        <div aria-live="polite" className="mt-4 min-h-8 text-lg">
          {phase.kind === 'running' && (
            <>
              <p>Running on: {PLACE_INFO[phase.place].label}…</p>
              {phase.fraction !== null && <ProgressBar fraction={phase.fraction} label="Progress" className="mt-2" />}
            </>
          )}
          {phase.kind === 'failed' && <p className="text-rose-700 dark:text-rose-300">{phase.message}</p>}
        </div>
      </section>
      {phase.kind === 'done' && <OwnResult runs={phase.runs} sent={session.accepted.result > 0} />}
      {session.refused && <p className={`${ALERT} p-3`}>{session.refused}</p>}
      <p className={`text-sm ${MUTED}`}>
        What this page sends: your browser’s name and version, the kind of system, phone or not, the number of cores and
        the memory where the browser tells, and the figures of the two runs. No name, and nothing is stored.
      </p>
    </main>
  );
}

function OwnResult({ runs, sent }: { readonly runs: readonly DeviceRun[]; readonly sent: boolean }) {
  return (
    <section className={CARD} aria-label="Your result">
      <h2 className="mb-3 text-xl font-semibold">Your result</h2>
      <dl className="grid grid-cols-2 gap-3">
        {runs.map((run) => (
          <div key={run.place} className="rounded-xl bg-slate-100 p-3 dark:bg-slate-800">
            <dt className={`text-sm ${MUTED}`}>{PLACE_INFO[run.place].label}: worst frame gap</dt>
            <dd className="text-3xl font-bold tabular-nums" data-testid={`own-${run.place}`}>
              {formatDuration(run.figures.worstGapMs)}
            </dd>
          </div>
        ))}
      </dl>
      <ul className="mt-3 space-y-1 text-base">
        {runs.map((run) => (
          <li key={run.place}>
            <strong>{PLACE_INFO[run.place].label}:</strong> {freezeSentence(run.responsiveness)}
          </li>
        ))}
      </ul>
      <p className={`mt-3 text-base ${MUTED}`} role="status">
        {sent ? 'Sent to the presenter’s screen.' : 'Sending to the presenter…'}
      </p>
    </section>
  );
}
