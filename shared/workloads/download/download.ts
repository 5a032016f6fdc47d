import { z } from 'zod';
import type { Shard, WorkStep, Workload } from '../workload';
import { downloadParams, type DownloadParams } from './download-params';
import { DueQueue } from './due-queue';
import { FileTransfer, type DownloadEvent, type FileResult } from './file-transfer';

export {
  DOWNLOAD_LIMITS,
  downloadParams,
  type DownloadFile,
  type DownloadFileInput,
  type DownloadParams,
  type DownloadParamsInput,
} from './download-params';
export { type DownloadEvent, type FileResult, type TransferState } from './file-transfer';

const eventSchema = z.strictObject({
  id: z.int().nonnegative(),
  state: z.enum(['connecting', 'transferring', 'retrying', 'done', 'failed']),
  bytes: z.int().nonnegative(),
  attempt: z.int().nonnegative(),
  at: z.number().nonnegative(),
  message: z.string().max(500).optional(),
}) satisfies z.ZodType<DownloadEvent>;

const fileResultSchema = z.strictObject({
  id: z.int().nonnegative(),
  name: z.string(),
  status: z.enum(['done', 'failed']),
  bytes: z.int().nonnegative(),
  attempts: z.int().nonnegative(),
  sha256: z.string().nullable(),
  expectedSha256: z.string().nullable(),
  startedAt: z.number().nonnegative(),
  endedAt: z.number().nonnegative(),
  message: z.string().optional(),
}) satisfies z.ZodType<FileResult>;

const partSchema = z.strictObject({ files: z.array(fileResultSchema), elapsedMs: z.number().nonnegative() });
export type DownloadPart = z.output<typeof partSchema>;
export type DownloadResult = DownloadPart;

const filesOfShard = (p: DownloadParams, shard: Shard) => p.files.filter((_, i) => i % shard.count === shard.index);

/**
 * The download manager as one workload: a queue of files, at most `concurrency` of them on the
 * wire at a time, each a FileTransfer. It is an event loop in miniature: it always advances the
 * file whose next step is due soonest, and in between it yields `wait` for the time until then.
 * How that wait is spent is the place's business: a timer (the thread stays free), or a blocking
 * wait (it freezes). The waits are paced, so thousands of them do not add up timer lateness.
 */
function* runDownloads(p: DownloadParams, shard: Shard): Generator<WorkStep<DownloadEvent>, DownloadPart> {
  const queue = filesOfShard(p, shard).map((f) => new FileTransfer(p, f));
  const order = new Map(queue.map((t, i) => [t.file.id, i]));
  const active = new DueQueue<FileTransfer>();
  const results: FileResult[] = [];
  let clock = 0;
  let received = queue.reduce((sum, t) => sum + t.bytes, 0);
  let next = 0;
  while (next < queue.length || active.size > 0) {
    for (let starting = queue[next]; active.size < p.concurrency && starting; starting = queue[++next]) {
      const event = starting.begin(clock);
      active.push(starting, next);
      yield { kind: 'progress', done: received, chunk: event };
    }
    const soonest = active.pop();
    if (!soonest) break;
    const transfer = soonest.item;
    if (transfer.dueAt > clock) {
      yield { kind: 'wait', ms: transfer.dueAt - clock, paced: true };
      clock = transfer.dueAt;
    }
    const step = transfer.advance(clock);
    received += step.bytes;
    if (step.result) results.push(step.result);
    else active.push(transfer, soonest.rank);
    yield step.event ? { kind: 'progress', done: received, chunk: step.event } : { kind: 'progress', done: received };
  }
  results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { files: results, elapsedMs: clock };
}

export const download: Workload<DownloadParams, DownloadEvent, DownloadPart, DownloadResult> = {
  name: 'download',
  title: 'Simulated downloads',
  params: downloadParams,
  chunk: eventSchema,
  part: partSchema,
  // One queue, one event loop: splitting it would split the concurrency limit too.
  maxShards: 1,
  total: (p, shard) => filesOfShard(p, shard).reduce((sum, f) => sum + f.size, 0),
  run: runDownloads,
  combine: (p, parts) => {
    const order = new Map(p.files.map((f, i) => [f.id, i]));
    return {
      files: parts.flatMap((part) => part.files).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
      elapsedMs: Math.max(0, ...parts.map((part) => part.elapsedMs)),
    };
  },
  transferables: () => [],
  describe: (r) => {
    const done = r.files.filter((f) => f.status === 'done').length;
    const failed = r.files.length - done;
    return `${done} of ${r.files.length} files downloaded and verified (SHA-256)${failed > 0 ? `, ${failed} failed` : ''}`;
  },
};
