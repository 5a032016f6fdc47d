import { z } from 'zod';
import { deviceSummarySchema, shortText } from './device-summary';
import { MAX_CHOICES, MAX_GUESS_SECONDS, questionDraftSchema, questionSchema } from './questions';
import { runFiguresSchema } from './run-figures';
import { intInRange, numberInRange } from '../workloads/ranges';

/**
 * Every message of an audience session, one zod schema each (ARCHITECTURE.md, "Audience mode").
 * Messages are JSON text over one WebSocket per page. The server checks what attendees and
 * presenters send where it arrives (electron/audience/audience-server.ts); the pages check what
 * the server sends where it arrives. Request schemas are strict: an unknown key is refused.
 */

/** What an attendee's device sends: its result (once per run of the test) and its answers. */
export const attendeeMessageSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('result'),
      device: deviceSummarySchema,
      main: runFiguresSchema,
      workers: runFiguresSchema,
    }),
    z.strictObject({
      type: z.literal('answer'),
      questionId: shortText('questionId', 20),
      answer: z.union(
        [
          z.strictObject({ choice: intInRange('answer.choice', 0, MAX_CHOICES - 1) }),
          z.strictObject({ seconds: numberInRange('answer.seconds', 0, MAX_GUESS_SECONDS) }),
        ],
        { error: `answer must be { choice } or { seconds } (0 to ${MAX_GUESS_SECONDS})` },
      ),
    }),
  ],
  { error: 'type must be "result" or "answer"' },
);
export type AttendeeMessage = z.output<typeof attendeeMessageSchema>;
export type ResultMessage = Extract<AttendeeMessage, { type: 'result' }>;

/** What the presenter's dashboard sends: put up a question, reveal its answers, take it down. */
export const presenterCommandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('ask'), question: questionDraftSchema }),
    z.strictObject({ type: z.literal('reveal') }),
    z.strictObject({ type: z.literal('clear') }),
  ],
  { error: 'type must be "ask", "reveal" or "clear"' },
);
export type PresenterCommand = z.output<typeof presenterCommandSchema>;

/** The answers so far: a count per choice, or the guesses' median in seconds. */
export const tallySchema = z.strictObject({
  questionId: z.string(),
  answers: z.int().min(0),
  counts: z.array(z.int().min(0)).nullable(),
  medianGuessSeconds: z.number().nullable(),
});
export type Tally = z.output<typeof tallySchema>;

/** The room's measured medians beside the answers, once the presenter reveals them. */
export const revealSchema = z.strictObject({
  question: questionSchema,
  tally: tallySchema,
  devices: z.int().min(0),
  mainWorstGapMs: z.number().nullable(),
  workersWorstGapMs: z.number().nullable(),
});
export type Reveal = z.output<typeof revealSchema>;

/** One device's result on the dashboard: a label the server gives ("Device 7"), never a name. */
export const deviceResultSchema = z.strictObject({
  label: z.string(),
  device: deviceSummarySchema,
  main: runFiguresSchema,
  workers: runFiguresSchema,
  /** Milliseconds since the session started, when the result arrived. */
  atMs: z.number(),
});
export type DeviceResult = z.output<typeof deviceResultSchema>;

/** Everything the dashboard shows; sent whole, at most every ~100 ms, to each presenter page. */
export const roomStateSchema = z.strictObject({
  joinUrl: z.string(),
  joinCode: z.string(),
  runSeconds: z.number(),
  capacity: z.int(),
  joined: z.int().min(0),
  results: z.array(deviceResultSchema),
  question: questionSchema.nullable(),
  tally: tallySchema.nullable(),
  reveal: revealSchema.nullable(),
});
export type RoomState = z.output<typeof roomStateSchema>;

/** What the server sends to an attendee's page. */
export const toAttendeeSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('welcome'),
    joinCode: z.string(),
    runSeconds: z.number(),
    question: questionSchema.nullable(),
    reveal: revealSchema.nullable(),
  }),
  z.strictObject({ type: z.literal('question'), question: questionSchema.nullable() }),
  z.strictObject({ type: z.literal('reveal'), reveal: revealSchema }),
  z.strictObject({ type: z.literal('accepted'), what: z.enum(['result', 'answer']) }),
  z.strictObject({ type: z.literal('refused'), reason: z.string() }),
  z.strictObject({ type: z.literal('stopped'), reason: z.string() }),
]);
export type ToAttendee = z.output<typeof toAttendeeSchema>;

/** What the server sends to a presenter's page. */
export const toPresenterSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('state'), state: roomStateSchema }),
  z.strictObject({ type: z.literal('refused'), reason: z.string() }),
  z.strictObject({ type: z.literal('stopped'), reason: z.string() }),
]);
export type ToPresenter = z.output<typeof toPresenterSchema>;

/** A zod error as one line naming each field: "main.worstGapMs: worstGapMs must be a number from 0 to 600,000". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Parses one message's text against a schema: JSON first, then the schema. The error is a
 * sentence for the sender ("not JSON", or each field and its range).
 */
export function parseMessage<T>(
  schema: z.ZodType<T>,
  text: string,
): { ok: true; value: T } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the message is not JSON' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: describeIssues(parsed.error) };
}
