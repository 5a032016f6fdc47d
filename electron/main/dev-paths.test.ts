import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devUserDataDir, lockNotObtainedMessage } from './dev-paths';

describe('devUserDataDir', () => {
  it('is a sibling of the installed app’s folder, never the same one', () => {
    const appData = path.join(path.sep, 'home', 'ada', '.config');
    const installed = path.join(appData, 'Unfreeze');
    const dev = devUserDataDir(appData, 'Unfreeze');
    expect(dev).not.toBe(installed);
    expect(path.dirname(dev)).toBe(appData);
    expect(path.basename(dev)).toBe('Unfreeze (development)');
  });
});

describe('lockNotObtainedMessage', () => {
  it('names the folder whose lock is held', () => {
    expect(lockNotObtainedMessage('/tmp/u')).toContain('/tmp/u');
  });
});
