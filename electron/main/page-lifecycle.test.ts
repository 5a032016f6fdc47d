import { describe, expect, it } from 'vitest';
import { crashNotice, watchPage, type CrashNotice } from './page-lifecycle';

function watched() {
  const log: string[] = [];
  const notices: CrashNotice[] = [];
  const watch = watchPage({
    release: () => log.push('release'),
    offerReload: (notice) => {
      log.push('offer');
      notices.push(notice);
    },
  });
  return { watch, log, notices };
}

describe('watchPage', () => {
  it('leaves the first load alone, and releases on every later main-frame commit (reload, deep link)', () => {
    const { watch, log } = watched();
    watch.signal({ kind: 'navigated' });
    expect(log).toEqual([]);
    watch.signal({ kind: 'navigated' });
    watch.signal({ kind: 'navigated' });
    expect(log).toEqual(['release', 'release']);
  });

  it('releases a crashed page and offers a reload, with the reason', () => {
    const { watch, log, notices } = watched();
    watch.signal({ kind: 'navigated' });
    watch.signal({ kind: 'gone', reason: 'crashed', exitCode: 11 });
    expect(log).toEqual(['release', 'offer']);
    expect(notices[0]?.detail).toContain('crashed');
    expect(notices[0]?.detail).toContain('exit code 11');
    // After the reload the new document commits: released again (harmless), no second offer.
    watch.signal({ kind: 'navigated' });
    expect(log).toEqual(['release', 'offer', 'release']);
  });

  it('offers no reload when the renderer ended on purpose (the app quitting)', () => {
    const { watch, log } = watched();
    watch.signal({ kind: 'gone', reason: 'clean-exit', exitCode: 0 });
    expect(log).toEqual(['release']);
  });

  it('releases once when destroyed and ignores whatever comes after', () => {
    const { watch, log } = watched();
    watch.signal({ kind: 'destroyed' });
    watch.signal({ kind: 'gone', reason: 'killed', exitCode: 9 });
    watch.signal({ kind: 'navigated' });
    expect(log).toEqual(['release']);
  });
});

describe('crashNotice', () => {
  it('says what happened for each reason Electron reports', () => {
    expect(crashNotice('oom', 0).detail).toMatch(/out of memory/);
    expect(crashNotice('killed', 9).detail).toMatch(/from outside/);
    expect(crashNotice('launch-failed', 1).detail).toMatch(/could not be started/);
  });
});
