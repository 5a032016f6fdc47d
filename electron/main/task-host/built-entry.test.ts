import { describe, expect, it } from 'vitest';
import { builtEntry } from './built-entry';

describe('builtEntry', () => {
  it('finds the entries in out/main/workers beside the built main bundle', () => {
    const base = 'file:///home/me/unfreeze/out/main/index.js';
    expect(builtEntry('thread-entry', base)).toBe('/home/me/unfreeze/out/main/workers/thread-entry.js');
    expect(builtEntry('process-entry', base)).toBe('/home/me/unfreeze/out/main/workers/process-entry.js');
  });

  it('points into app.asar.unpacked in a packaged app, where Node can start them', () => {
    const base = 'file:///opt/Unfreeze/resources/app.asar/out/main/index.js';
    expect(builtEntry('thread-entry', base)).toBe(
      '/opt/Unfreeze/resources/app.asar.unpacked/out/main/workers/thread-entry.js',
    );
  });

  it('leaves a folder that merely starts with app.asar alone', () => {
    const base = 'file:///srv/app.asarx/out/main/index.js';
    expect(builtEntry('process-entry', base)).toBe('/srv/app.asarx/out/main/workers/process-entry.js');
  });
});
