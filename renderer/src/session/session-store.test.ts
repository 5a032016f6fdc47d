import { describe, expect, it } from 'vitest';
import { FROZEN_RUN as first, RESPONSIVE_RUN as second, SAMPLE_RUNS } from '../../../shared/session/sample-runs';
import { storedSessionText } from '../../../shared/session/stored-session';
import { SESSION_STORAGE_KEY, SessionStore, type KeyValueStorage } from './session-store';

/** The Web Storage calls the store makes, over a Map (the e2e test uses the browser's real one). */
class MapStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new Error('QuotaExceededError: the quota has been exceeded');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('SessionStore', () => {
  it('keeps the runs across a reload (a new store over the same storage)', () => {
    const storage = new MapStorage();
    const before = new SessionStore(storage);
    let heard = 0;
    before.subscribe(() => heard++);
    before.record(first);
    before.record(second);
    expect(heard).toBe(2);
    const after = new SessionStore(storage);
    expect(after.getSnapshot()).toEqual({ runs: [first, second], notice: null });
    after.clear();
    expect(new SessionStore(storage).getSnapshot().runs).toEqual([]);
  });

  it('drops a tampered stored session, says why, and removes it', () => {
    const storage = new MapStorage();
    const bad = JSON.parse(storedSessionText(SAMPLE_RUNS)) as { runs: [{ figures: Record<string, unknown> }] };
    bad.runs[0].figures['wall_ms'] = 'Infinity';
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(bad));
    const warnings: string[] = [];
    const store = new SessionStore(storage, (m) => warnings.push(m));
    expect(store.getSnapshot().runs).toEqual([]);
    expect(store.getSnapshot().notice).toMatch(
      /^The session saved before the reload was dropped: runs\.0\.figures\.wall_ms/,
    );
    expect(warnings).toHaveLength(1);
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    store.dismissNotice();
    expect(store.getSnapshot().notice).toBeNull();
  });

  it('keeps the runs in memory and says so when the storage refuses them', () => {
    const storage = new MapStorage();
    storage.full = true;
    const store = new SessionStore(storage, () => undefined);
    store.record(first);
    expect(store.getSnapshot().runs).toEqual([first]);
    expect(store.getSnapshot().notice).toMatch(/could not be saved for a reload \(QuotaExceededError/);
  });

  it('works without storage, and says a reload starts afresh', () => {
    const store = new SessionStore(null);
    store.record(first);
    expect(store.getSnapshot()).toEqual({ runs: [first], notice: expect.stringMatching(/reload starts afresh/) });
  });
});
