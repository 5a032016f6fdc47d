import { z } from 'zod';
import { shortText } from './device-summary';

/**
 * "Predict, then run": a question the presenter puts up before the room runs the test. Either a
 * choice among a few answers, or a guess in seconds (the freeze's length). The server gives each
 * question its id, so answers to an old question are refused rather than counted.
 */
export const MAX_CHOICES = 4;
export const MAX_GUESS_SECONDS = 60;

const questionText = shortText('question.text', 200);
const choices = z
  .array(shortText('question.choices[]', 60), { error: 'question.choices must be a list' })
  .min(2, { error: `question.choices must have 2 to ${MAX_CHOICES} answers` })
  .max(MAX_CHOICES, { error: `question.choices must have 2 to ${MAX_CHOICES} answers` });
const kindError = { error: 'question.kind must be "choice" or "seconds"' };

/** A question as the presenter writes it. */
export const questionDraftSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('choice'), text: questionText, choices }),
    z.strictObject({ kind: z.literal('seconds'), text: questionText }),
  ],
  kindError,
);
export type QuestionDraft = z.output<typeof questionDraftSchema>;

/** A question on the screen: the draft with the id the server gave it. */
export const questionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ id: shortText('question.id', 20), kind: z.literal('choice'), text: questionText, choices }),
    z.strictObject({ id: shortText('question.id', 20), kind: z.literal('seconds'), text: questionText }),
  ],
  kindError,
);
export type Question = z.output<typeof questionSchema>;

/** The two questions the workshop asks; the presenter picks one on the dashboard. */
export const PRESET_QUESTIONS: readonly QuestionDraft[] = [
  {
    kind: 'choice',
    text: 'Will the CSS spinner keep turning while the main thread is busy?',
    choices: ['Yes, it keeps turning', 'No, it stops too', 'It stutters'],
  },
  { kind: 'seconds', text: 'How long will the page freeze when the work runs on the main thread?' },
];
