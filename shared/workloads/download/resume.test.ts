import { describe, expect, it } from 'vitest';
import { parseParams } from '../params-error';
import { WHOLE } from '../workload';
import { download, type DownloadEvent, type DownloadFile, type DownloadParamsInput } from './download';
import { filesToResume, fileToRetry } from './resume';

const KB = 1000;

/**
 * Runs a batch on a simulated clock and "pauses" it after about `pauseEveryMs` of schedule time:
 * the task is dropped where it is, and a new one resumes the files from their latest events,
 * exactly as the download manager does after Pause → Resume. The pauses fall at varying points
 * (a fixed one could land before the same report every time, and replay the same task forever).
 * Returns each file's latest event, the attempt of each connection, and how many tasks it took.
 */
function runWithPauses(input: DownloadParamsInput, pauseEveryMs: number) {
  const params = parseParams(download.params, input, 'download');
  const latest = new Map<number, DownloadEvent>();
  const connects = new Map<number, number[]>();
  let files: DownloadFile[] = params.files;
  let tasks = 0;
  while (files.length > 0) {
    tasks++;
    if (tasks > 10_000) throw new Error('the paused batch made no progress');
    const work = download.run({ ...params, files }, WHOLE);
    let clock = 0;
    for (let step = work.next(); ; step = work.next()) {
      if (step.done) {
        files = [];
        break;
      }
      if (step.value.kind === 'wait') {
        clock += step.value.ms;
        if (clock >= pauseEveryMs + (tasks % 7) * 37) {
          files = filesToResume(files, latest);
          break;
        }
      } else if (step.value.chunk) {
        const e = step.value.chunk;
        latest.set(e.id, e);
        if (e.state === 'connecting') connects.set(e.id, [...(connects.get(e.id) ?? []), e.attempt]);
      }
    }
  }
  return { latest, connects, tasks };
}

const flaky = (retries: number): DownloadParamsInput => ({
  files: Array.from({ length: 40 }, (_, i) => ({ id: i + 1, name: `f${i + 1}.bin`, size: 60 * KB })),
  bandwidth: 100 * KB,
  failureRate: 0.6,
  retries,
  backoffMs: 10,
  concurrency: 8,
  seed: 5,
});

const event = (state: DownloadEvent['state'], attempt: number, bytes = 500): DownloadEvent => ({
  id: 1,
  state,
  bytes,
  attempt,
  at: 0,
});
const file: DownloadFile = { id: 1, name: 'a.bin', size: 1000, offset: 0, firstAttempt: 0, retriesUsed: 0 };

describe('filesToResume: one retry budget per file for the whole batch', () => {
  it('goes on with the attempt a pause interrupted, so it is not counted twice', () => {
    const [transferring] = filesToResume([file], new Map([[1, event('transferring', 3)]]));
    // Attempts 1 and 2 broke off (two retries spent); attempt 3 was on the wire and goes on.
    expect(transferring).toMatchObject({ offset: 500, firstAttempt: 2, retriesUsed: 2 });
    const [connecting] = filesToResume([file], new Map([[1, event('connecting', 1, 0)]]));
    expect(connecting).toMatchObject({ offset: 0, firstAttempt: 0, retriesUsed: 0 });
  });

  it('counts a broken-off attempt as spent while its backoff runs', () => {
    const [retrying] = filesToResume([file], new Map([[1, event('retrying', 2)]]));
    expect(retrying).toMatchObject({ offset: 500, firstAttempt: 2, retriesUsed: 2 });
  });

  it('adds to what earlier tasks had spent, and pausing twice at the same point changes nothing', () => {
    const once = filesToResume([{ ...file, firstAttempt: 2, retriesUsed: 2 }], new Map([[1, event('retrying', 4)]]));
    expect(once[0]).toMatchObject({ firstAttempt: 4, retriesUsed: 4 });
    // A file still queued in the second task keeps the event of the first: resuming again is a no-op.
    expect(filesToResume(once, new Map([[1, event('retrying', 4)]]))).toEqual(once);
  });

  it('drops finished files and keeps untouched ones as they were', () => {
    const other = { ...file, id: 2, offset: 7 };
    expect(filesToResume([file, other], new Map([[1, event('done', 1, 1000)]]))).toEqual([other]);
    expect(filesToResume([file], new Map([[1, { ...event('failed', 4), id: 1 }]]))).toEqual([]);
  });

  it('a retry by hand starts a fresh budget, numbering its attempts on', () => {
    const retried = fileToRetry({ ...file, retriesUsed: 3 }, event('failed', 4, 600));
    expect(retried).toMatchObject({ offset: 600, firstAttempt: 4, retriesUsed: 0 });
  });

  it('never lets a file make more than 1 + retries attempts, however often the batch pauses', () => {
    for (const retries of [0, 2, 6]) {
      const { latest, connects, tasks } = runWithPauses(flaky(retries), 120);
      expect(tasks).toBeGreaterThan(5);
      for (const [id, attempts] of connects) {
        const distinct = new Set(attempts);
        expect(distinct.size, `file ${id}, retries ${retries}`).toBeLessThanOrEqual(1 + retries);
        expect(Math.max(...attempts), `file ${id}, retries ${retries}`).toBeLessThanOrEqual(1 + retries);
      }
      // Some files did run out of retries: the bound above was reached, not just never tested.
      const failed = [...latest.values()].filter((e) => e.state === 'failed');
      expect(failed.length).toBeGreaterThan(0);
      for (const e of failed) expect(e.attempt).toBe(1 + retries);
      expect(failed[0]?.message).toMatch(new RegExp(`gave up after ${1 + retries} attempts`));
    }
  });

  it('pausing changes neither which files fail nor how many attempts each makes', () => {
    const straight = runWithPauses(flaky(2), Infinity);
    const paused = runWithPauses(flaky(2), 90);
    expect(straight.tasks).toBe(1);
    expect(paused.tasks).toBeGreaterThan(5);
    const summary = (latest: ReadonlyMap<number, DownloadEvent>) =>
      [...latest.values()].map((e) => ({ id: e.id, state: e.state, attempt: e.attempt })).sort((a, b) => a.id - b.id);
    expect(summary(paused.latest)).toEqual(summary(straight.latest));
    expect(summary(straight.latest).some((e) => e.state === 'failed')).toBe(true);
    expect(summary(straight.latest).some((e) => e.state === 'done' && e.attempt > 1)).toBe(true);
  });
});
