import { useCallback, useEffect, useRef, useState } from 'react';
import {
  toPresenterSchema,
  type PresenterCommand,
  type RoomState,
  type ToPresenter,
} from '../../../shared/audience/audience-messages';
import { openAudienceSocket, type AudienceSocket } from './audience-socket';

/** What the dashboard needs of a session, however it reaches it (a WebSocket here, IPC in the desktop app). */
export interface PresenterLink {
  readonly state: RoomState | null;
  /** Set when the session has ended or refused this page. */
  readonly ended: string | null;
  /** The server's last refusal of a command, if any. */
  readonly refused: string | null;
  send(command: PresenterCommand): void;
}

/** The presenter page served by the audience server (`?screen=audience&key=…`): its WebSocket. */
export function usePresenterSocket(key: string): PresenterLink {
  const socket = useRef<AudienceSocket | null>(null);
  const [link, setLink] = useState<Omit<PresenterLink, 'send'>>({ state: null, ended: null, refused: null });
  useEffect(() => {
    const onMessage = (m: ToPresenter) =>
      setLink((l) =>
        m.type === 'state'
          ? { ...l, state: m.state, refused: null }
          : m.type === 'refused'
            ? { ...l, refused: m.reason }
            : { ...l, ended: m.reason },
      );
    const ws = openAudienceSocket({ role: 'presenter', key }, toPresenterSchema, {
      onMessage,
      onClosed: (why) => setLink((l) => ({ ...l, ended: l.ended ?? why })),
    });
    socket.current = ws;
    return () => ws.close();
  }, [key]);
  const send = useCallback((command: PresenterCommand) => socket.current?.send(command), []);
  return { ...link, send };
}
