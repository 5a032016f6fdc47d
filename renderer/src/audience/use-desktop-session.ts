import { useCallback, useEffect, useState } from 'react';
import type { AudienceStart, AudienceStarted } from '../../../shared/audience/audience-ipc';
import { roomStateSchema, type PresenterCommand, type RoomState } from '../../../shared/audience/audience-messages';
import { messageOf } from '../../../shared/errors/message-of';
import type { UnfreezeApi } from '../../../shared/ipc/unfreeze-api';
import type { PresenterLink } from './presenter-link';

export interface DesktopSession {
  /** Null until a session runs. */
  readonly started: AudienceStarted | null;
  readonly link: PresenterLink;
  readonly error: string | null;
  start(options: AudienceStart): void;
  stop(): void;
}

/**
 * The desktop app's dashboard link: the main process runs the session server (started here, on
 * demand) and sends the room's state over IPC, checked where it arrives; commands go back the same way.
 */
export function useDesktopSession(api: UnfreezeApi): DesktopSession {
  const [started, setStarted] = useState<AudienceStarted | null>(null);
  const [state, setState] = useState<RoomState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () =>
      api.onAudienceState((payload) => {
        const parsed = roomStateSchema.safeParse(payload);
        if (parsed.success) setState(parsed.data);
        else console.warn('The main process sent an audience state this page does not understand:', parsed.error);
      }),
    [api],
  );

  const fail = (what: string) => (e: unknown) => setError(`${what}: ${messageOf(e)}`);
  const start = useCallback(
    (options: AudienceStart) => {
      setError(null);
      api.startAudience(options).then(setStarted, fail('The session could not start'));
    },
    [api],
  );
  const stop = useCallback(() => {
    api.stopAudience().then(() => {
      setStarted(null);
      setState(null);
    }, fail('The session could not stop'));
  }, [api]);
  const send = useCallback(
    (command: PresenterCommand) => void api.audienceCommand(command).catch(fail('Refused')),
    [api],
  );
  return { started, error, start, stop, link: { state, ended: null, refused: error, send } };
}
