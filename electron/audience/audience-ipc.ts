import type { AudienceStart, AudienceStarted } from '../../shared/audience/audience-ipc';
import type { PresenterCommand, RoomState } from '../../shared/audience/audience-messages';
import { RequestRefusedError } from '../main/ipc-dispatch';
import type { AudienceServerOptions, AudienceSession } from './audience-server';
import type { HostChoice } from './lan-address';

export interface AudienceIpcDeps<S> {
  readonly start: (options: AudienceServerOptions) => Promise<AudienceSession>;
  /** The built renderer the session serves (the app's own renderer folder). */
  readonly root: string;
  readonly lanAddress: () => HostChoice;
  /** Sends the room's state to the window that started the session (sendEvent in the app). */
  readonly sendState: (sender: S, state: RoomState) => void;
}

/**
 * The main process's side of audience mode: one session at most, started on demand by the
 * Audience screen (nothing listens before), its state forwarded to that window, stopped on
 * request or when the app quits. No Electron here: electron/main/index.ts passes the pieces.
 */
export function createAudienceIpc<S>(deps: AudienceIpcDeps<S>) {
  let session: AudienceSession | null = null;
  let started: AudienceStarted | null = null;
  let starting: Promise<AudienceStarted> | null = null;

  const stop = async () => {
    const current = session;
    session = null;
    started = null;
    await current?.stop();
  };

  const handlers = {
    'audience:start': async (request: AudienceStart, { sender }: { sender: S }): Promise<AudienceStarted> => {
      if (started) return started;
      starting ??= (async () => {
        const choice = request.host === 'loopback' ? { host: '127.0.0.1' } : deps.lanAddress();
        const opened = await deps.start({ host: choice.host, root: deps.root, runSeconds: request.runSeconds });
        opened.onState((state) => deps.sendState(sender, state));
        session = opened;
        started = {
          presenterUrl: opened.presenterUrl,
          joinUrl: opened.joinUrl,
          joinCode: opened.joinCode,
          note: choice.note ?? null,
        };
        deps.sendState(sender, opened.state());
        return started;
      })().finally(() => (starting = null));
      return starting;
    },
    'audience:command': (command: PresenterCommand): undefined => {
      if (session === null) throw new RequestRefusedError('no audience session is running; start one first');
      const why = session.command(command);
      if (why !== null) throw new RequestRefusedError(why);
      return undefined;
    },
    'audience:stop': async (): Promise<undefined> => {
      await stop();
      return undefined;
    },
  };
  return { handlers, stop };
}

export type AudienceHandlers<S> = ReturnType<typeof createAudienceIpc<S>>['handlers'];
