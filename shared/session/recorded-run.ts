import { z } from 'zod';
import { PLACES } from '../places';
import { workloadName } from '../workloads/registry';

/**
 * One measured run as the session keeps it: a workshop chapter's outcome, a Playground run, or
 * one pane of a Compare run. Everything the exports write (JSON, CSV, Markdown, the summary, the
 * PNG card) is made from these records and nothing else, so what a slide shows is what was measured.
 *
 * The schema is the one check a record passes where it enters from outside the running page: a
 * session read back from storage after a reload, which anyone with the devtools can have edited.
 */

/** A figure's name is its CSV column: snake_case, ending in its unit (`wall_ms`, `wake_s`). */
export const FIGURE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

const text = (max: number) => z.string().max(max);

/**
 * Extension point: something bulky measured with the run (a frame trace, say) that only the JSON
 * export carries; CSV, Markdown, the summary and the card ignore it. `kind` says how to read `data`.
 */
export const attachmentSchema = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, { error: 'attachment kind must be a lowercase slug' }),
  label: text(200),
  data: z.json(),
});
export type Attachment = z.output<typeof attachmentSchema>;

export const recordedRunSchema = z.strictObject({
  /** Where the run came from. */
  source: z.enum(['workshop', 'playground', 'compare']),
  /** The workshop chapter's id; "playground" or "compare" for the other screens. */
  chapterId: text(80),
  title: text(200),
  expected: text(1000),
  measured: text(2000),
  asExpected: z.boolean(),
  /** The big text of the result card, green when `good`: "Frozen 2.80 s", "Worst gap 17 ms". */
  headline: z.strictObject({ text: text(60), good: z.boolean() }),
  /** Where the work ran, which workload and its nominal size (seconds on one thread here), when the run had one. */
  place: z.enum(PLACES).optional(),
  workload: workloadName.optional(),
  sizeSeconds: z.number().positive().max(3600).optional(),
  figures: z.record(
    z.string().regex(FIGURE_NAME, { error: 'a figure name must be snake_case, at most 64 characters' }),
    z.number().refine(Number.isFinite, { error: 'a figure must be a finite number' }),
  ),
  /** ISO 8601 time the run ended. */
  at: z.iso.datetime({ error: 'at must be an ISO 8601 UTC time' }),
  attachments: z.array(attachmentSchema).max(20).optional(),
});
export type RecordedRun = z.output<typeof recordedRunSchema>;
