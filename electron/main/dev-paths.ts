import path from 'node:path';

/**
 * Where the app keeps its data while developing. Electron derives both the user-data folder and
 * the single-instance lock from the app's name, so `npm start` and an installed Unfreeze would
 * share settings and storage, and whichever started second would quit at once. Development gets
 * a folder of its own (and with it a lock of its own), beside the installed app's.
 */
export function devUserDataDir(appDataDir: string, appName: string): string {
  return path.join(appDataDir, `${appName} (development)`);
}

/** What to log when another instance holds the lock, so the quit is never silent. */
export function lockNotObtainedMessage(userDataDir: string): string {
  return (
    `[main] Another Unfreeze is already running with ${userDataDir}: it is brought to the front, ` +
    'and this one quits.'
  );
}
