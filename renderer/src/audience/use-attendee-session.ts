import { useCallback, useEffect, useRef, useState } from 'react';
import {
  toAttendeeSchema,
  type AttendeeMessage,
  type Reveal,
  type ToAttendee,
} from '../../../shared/audience/audience-messages';
import type { Question } from '../../../shared/audience/questions';
import { openAudienceSocket, type AudienceSocket } from './audience-socket';

export interface AttendeeSession {
  /** Null until the server's welcome arrives. */
  readonly joinCode: string | null;
  readonly runSeconds: number | null;
  readonly question: Question | null;
  readonly reveal: Reveal | null;
  /** Set when the session ended or refused this page: the sentence to show. */
  readonly ended: string | null;
  /** The server's last refusal of something this page sent, if any. */
  readonly refused: string | null;
  readonly accepted: { result: number; answer: number };
  send(message: AttendeeMessage): void;
}

/** This page's connection to the session, as React state. */
export function useAttendeeSession(token: string): AttendeeSession {
  const socket = useRef<AudienceSocket | null>(null);
  const [state, setState] = useState<Omit<AttendeeSession, 'send'>>({
    joinCode: null,
    runSeconds: null,
    question: null,
    reveal: null,
    ended: null,
    refused: null,
    accepted: { result: 0, answer: 0 },
  });

  useEffect(() => {
    const onMessage = (m: ToAttendee) =>
      setState((s) => {
        switch (m.type) {
          case 'welcome':
            return { ...s, joinCode: m.joinCode, runSeconds: m.runSeconds, question: m.question, reveal: m.reveal };
          case 'question':
            return { ...s, question: m.question, reveal: null };
          case 'reveal':
            return { ...s, reveal: m.reveal };
          case 'accepted':
            return { ...s, refused: null, accepted: { ...s.accepted, [m.what]: s.accepted[m.what] + 1 } };
          case 'refused':
            return { ...s, refused: m.reason };
          case 'stopped':
            return { ...s, ended: m.reason };
        }
      });
    const ws = openAudienceSocket({ role: 'attendee', token }, toAttendeeSchema, {
      onMessage,
      // A 'stopped' or 'refused' sentence that came first says more than the close does.
      onClosed: (why) => setState((s) => ({ ...s, ended: s.ended ?? s.refused ?? why })),
    });
    socket.current = ws;
    return () => ws.close();
  }, [token]);

  const send = useCallback((message: AttendeeMessage) => socket.current?.send(message), []);
  return { ...state, send };
}
