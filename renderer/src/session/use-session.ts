import { useSyncExternalStore } from 'react';
import { browserSessionStorage, SessionStore, type SessionSnapshot } from './session-store';

/** The page's one session: every screen records into it and every export bar reads it. */
export const sessionStore = new SessionStore(browserSessionStorage());

export function useSession(): SessionSnapshot {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot);
}
