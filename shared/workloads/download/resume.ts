import type { DownloadFile } from './download-params';
import type { DownloadEvent } from './file-transfer';

/** The latest known state of each file, by id, as the UI collects it from the events. */
export type LatestEvents = ReadonlyMap<number, DownloadEvent>;

/**
 * The attempts a file has used up, as its latest event tells: a connection a pause interrupted
 * (connecting or transferring) is not over, so the resumed task goes on with that same attempt
 * rather than count it twice. After a break-off (retrying) that attempt is spent.
 */
function attemptsSpent(e: DownloadEvent): number {
  return e.state === 'retrying' ? e.attempt : e.attempt - 1;
}

/**
 * After a pause or a cancelled task: the files still to fetch, each resuming at the bytes
 * already received (an HTTP Range request). `files` are the files as the stopped task was given
 * them. "Retries" is one budget per file for the whole batch, pauses included: the attempts
 * numbering goes on (so a resumed connection never replays an injected failure) and the retries
 * already spent are carried in `retriesUsed`. Finished files drop out.
 */
export function filesToResume(files: readonly DownloadFile[], latest: LatestEvents): DownloadFile[] {
  return files.flatMap((f) => {
    const e = latest.get(f.id);
    if (e?.state === 'done' || e?.state === 'failed') return [];
    if (!e) return [f];
    const spent = Math.max(f.firstAttempt, attemptsSpent(e));
    return [{ ...f, offset: e.bytes, firstAttempt: spent, retriesUsed: f.retriesUsed + spent - f.firstAttempt }];
  });
}

/**
 * A failed file, tried again by hand: from the bytes it had, with a fresh budget of retries (the
 * person asked for it), its attempts numbered on so it does not replay the same injected failure.
 */
export function fileToRetry(file: DownloadFile, last: DownloadEvent | undefined): DownloadFile {
  return {
    ...file,
    offset: last ? Math.min(last.bytes, file.size) : file.offset,
    firstAttempt: last ? last.attempt : file.firstAttempt,
    retriesUsed: 0,
  };
}
