import type { DownloadFile } from './download-params';
import type { DownloadEvent } from './file-transfer';

/** The latest known state of each file, by id, as the UI collects it from the events. */
export type LatestEvents = ReadonlyMap<number, DownloadEvent>;

/**
 * After a pause or a cancelled task: the files still to fetch, each resuming at the bytes
 * already received (an HTTP Range request), with its attempts counted on. Finished files drop out.
 */
export function filesToResume(files: readonly DownloadFile[], latest: LatestEvents): DownloadFile[] {
  return files.flatMap((f) => {
    const e = latest.get(f.id);
    if (e?.state === 'done' || e?.state === 'failed') return [];
    return [{ ...f, offset: e ? e.bytes : f.offset, firstAttempt: e ? e.attempt : f.firstAttempt }];
  });
}

/** A failed file, tried again by hand: from the bytes it had, with fresh attempts. */
export function fileToRetry(file: DownloadFile, last: DownloadEvent | undefined): DownloadFile {
  return {
    ...file,
    offset: last ? Math.min(last.bytes, file.size) : file.offset,
    firstAttempt: last ? last.attempt : file.firstAttempt,
  };
}
