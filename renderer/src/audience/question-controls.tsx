import type { RoomState, PresenterCommand } from '../../../shared/audience/audience-messages';
import { PRESET_QUESTIONS } from '../../../shared/audience/questions';
import { formatDuration } from '../../../shared/format/format-duration';
import { MUTED, SECONDARY_BUTTON } from './audience-styles';

/** "Predict, then run": put up a preset question, watch the answers come in, reveal them beside the results. */
export function QuestionControls({
  state,
  send,
}: {
  readonly state: RoomState;
  readonly send: (command: PresenterCommand) => void;
}) {
  const { question, tally, reveal } = state;
  if (question === null) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <span className={`text-base ${MUTED}`}>Predict first:</span>
        {PRESET_QUESTIONS.map((draft) => (
          <button
            key={draft.text}
            type="button"
            className={SECONDARY_BUTTON}
            onClick={() => send({ type: 'ask', question: draft })}
          >
            Ask “{draft.text}”
          </button>
        ))}
      </div>
    );
  }
  const answers = tally?.answers ?? 0;
  return (
    <div className="space-y-2" aria-label="Question on the screen">
      <p className="text-xl font-semibold">{question.text}</p>
      {question.kind === 'choice' && (
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-lg">
          {question.choices.map((choice, i) => (
            <li key={choice}>
              {choice}: <strong className="tabular-nums">{reveal ? (tally?.counts?.[i] ?? 0) : '·'}</strong>
            </li>
          ))}
        </ul>
      )}
      {reveal && question.kind === 'seconds' && (
        <p className="text-lg">
          Median guess: <strong>{tally?.medianGuessSeconds ?? '—'} s</strong> · measured freeze (median):{' '}
          <strong>{reveal.mainWorstGapMs === null ? '—' : formatDuration(reveal.mainWorstGapMs)}</strong>
        </p>
      )}
      {reveal && question.kind === 'choice' && (
        <p className="text-lg">
          Measured (median worst frame gap): main thread{' '}
          <strong>{reveal.mainWorstGapMs === null ? '—' : formatDuration(reveal.mainWorstGapMs)}</strong>, Web Workers{' '}
          <strong>{reveal.workersWorstGapMs === null ? '—' : formatDuration(reveal.workersWorstGapMs)}</strong>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <span className={`text-base ${MUTED}`}>
          {answers} {answers === 1 ? 'answer' : 'answers'}
        </span>
        {!reveal && (
          <button type="button" className={SECONDARY_BUTTON} onClick={() => send({ type: 'reveal' })}>
            Reveal the answers
          </button>
        )}
        <button type="button" className={SECONDARY_BUTTON} onClick={() => send({ type: 'clear' })}>
          Take the question down
        </button>
      </div>
    </div>
  );
}
