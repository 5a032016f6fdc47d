import { useState } from 'react';
import type { Reveal } from '../../../shared/audience/audience-messages';
import { MAX_GUESS_SECONDS, type Question } from '../../../shared/audience/questions';
import { CARD } from '../ui/card';
import { formatDuration } from '../../../shared/format/format-duration';
import { CHOICE_BUTTON, INPUT, MUTED, SECONDARY_BUTTON } from './audience-styles';
import type { AttendeeSession } from './use-attendee-session';

/** The presenter's question on an attendee's page: tap a choice, or send a guess in seconds. */
export function QuestionCard({
  question,
  session,
}: {
  readonly question: Question;
  readonly session: AttendeeSession;
}) {
  const [picked, setPicked] = useState<{ id: string; choice: number } | null>(null);
  const [guess, setGuess] = useState('1');
  const [sentGuess, setSentGuess] = useState<string | null>(null);
  const revealed = session.reveal !== null;
  return (
    <section className={`${CARD} border-sky-400 dark:border-sky-600`} aria-label="Question">
      <h2 className="mb-3 text-xl font-semibold">{question.text}</h2>
      {question.kind === 'choice' ? (
        <div className="space-y-2">
          {question.choices.map((choice, i) => (
            <button
              key={choice}
              type="button"
              className={CHOICE_BUTTON}
              disabled={revealed}
              aria-pressed={picked?.id === question.id && picked.choice === i}
              onClick={() => {
                setPicked({ id: question.id, choice: i });
                session.send({ type: 'answer', questionId: question.id, answer: { choice: i } });
              }}
            >
              {choice}
            </button>
          ))}
        </div>
      ) : (
        <form
          className="flex flex-wrap items-center gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const seconds = Number(guess);
            if (!(seconds >= 0 && seconds <= MAX_GUESS_SECONDS)) return;
            setSentGuess(`${question.id}:${seconds}`);
            session.send({ type: 'answer', questionId: question.id, answer: { seconds } });
          }}
        >
          <label className="flex items-center gap-2 text-lg">
            My guess
            <input
              className={INPUT}
              type="number"
              inputMode="decimal"
              min={0}
              max={MAX_GUESS_SECONDS}
              step={0.1}
              value={guess}
              disabled={revealed}
              onChange={(e) => setGuess(e.target.value)}
            />
            seconds
          </label>
          <button type="submit" className={SECONDARY_BUTTON} disabled={revealed}>
            Send my guess
          </button>
        </form>
      )}
      <p className={`mt-3 text-base ${MUTED}`} aria-live="polite">
        {(picked?.id === question.id || sentGuess?.startsWith(`${question.id}:`)) && session.accepted.answer > 0
          ? 'Your answer is in. You can change it until the reveal.'
          : 'Answer, then run the test.'}
      </p>
    </section>
  );
}

/** What the room answered, beside what it measured: the presenter's reveal, as it is on the big screen. */
export function RevealCard({ reveal }: { readonly reveal: Reveal }) {
  const { question, tally } = reveal;
  return (
    <section className={CARD} aria-label="The room’s answers">
      <h2 className="mb-2 text-xl font-semibold">The room answered</h2>
      {question.kind === 'choice' && tally.counts ? (
        <ul className="space-y-1 text-lg">
          {question.choices.map((choice, i) => (
            <li key={choice}>
              {choice}: <strong>{tally.counts?.[i] ?? 0}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-lg">
          Median guess: <strong>{tally.medianGuessSeconds === null ? '—' : `${tally.medianGuessSeconds} s`}</strong>
        </p>
      )}
      <p className="mt-2 text-lg">
        Measured on {reveal.devices} {reveal.devices === 1 ? 'device' : 'devices'}: the main thread froze for{' '}
        <strong>{reveal.mainWorstGapMs === null ? '—' : formatDuration(reveal.mainWorstGapMs)}</strong> (median worst
        frame gap); in Web Workers the worst gap was{' '}
        <strong>{reveal.workersWorstGapMs === null ? '—' : formatDuration(reveal.workersWorstGapMs)}</strong>.
      </p>
    </section>
  );
}
