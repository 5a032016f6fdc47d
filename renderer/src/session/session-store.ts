import { readStoredSession, storedSessionText } from '../../../shared/session/stored-session';
import type { RecordedRun } from '../../../shared/session/recorded-run';
import { messageOf } from '../../../shared/errors/message-of';

/** The part of the Web Storage API the store uses: sessionStorage in the page, a Map in a test. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionSnapshot {
  /** Every run measured in this tab, oldest first. */
  readonly runs: readonly RecordedRun[];
  /** Something the presenter should know about the stored session (it was dropped, or cannot be kept). */
  readonly notice: string | null;
}

export const SESSION_STORAGE_KEY = 'unfreeze.session';

/**
 * The session: every outcome measured in this tab, across screens and across a reload, which is
 * what the exports write. Kept in sessionStorage (this tab only, gone with it): a reload in the
 * middle of a workshop must not lose the runs, and yesterday's session should not appear today.
 * The stored copy is read back through its schema; a bad one is dropped and said so, never trusted.
 */
export class SessionStore {
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly warn: (message: string) => void = console.warn,
    private readonly key = SESSION_STORAGE_KEY,
  ) {
    this.snapshot = {
      runs: [],
      notice: storage ? null : 'This browser keeps no session storage: a reload starts afresh.',
    };
    if (!storage) return;
    let read: ReturnType<typeof readStoredSession>;
    try {
      read = readStoredSession(storage.getItem(key));
    } catch (error) {
      read = { ok: false, problem: `it could not be read (${messageOf(error)})` };
    }
    if (read.ok) {
      this.snapshot = { runs: read.runs, notice: null };
      return;
    }
    const notice = `The session saved before the reload was dropped: ${read.problem}.`;
    this.warn(`Unfreeze: ${notice}`);
    this.snapshot = { runs: [], notice };
    this.tryStorage(() => storage.removeItem(key));
  }

  record(...runs: readonly RecordedRun[]): void {
    this.update([...this.snapshot.runs, ...runs]);
  }

  clear(): void {
    this.update([]);
  }

  dismissNotice(): void {
    this.set({ ...this.snapshot, notice: null });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  private update(runs: readonly RecordedRun[]): void {
    const storage = this.storage;
    const problem = storage ? this.tryStorage(() => storage.setItem(this.key, storedSessionText(runs))) : null;
    // A full storage keeps the runs in memory: the exports still have them until the tab reloads.
    const notice = problem ? `The session could not be saved for a reload (${problem}); export it to keep it.` : null;
    if (notice) this.warn(`Unfreeze: ${notice}`);
    this.set({ runs, notice: notice ?? (this.storage ? null : this.snapshot.notice) });
  }

  private set(snapshot: SessionSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }

  /** Runs a storage call; a refusal (quota, privacy mode) comes back as text. */
  private tryStorage(call: () => void): string | null {
    try {
      call();
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }
}

/** sessionStorage, or null where touching it throws (storage disabled, an opaque origin). */
export function browserSessionStorage(): KeyValueStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
