import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  attendeeMessageSchema,
  parseMessage,
  presenterCommandSchema,
  type PresenterCommand,
  type RoomState,
  type ToAttendee,
  type ToPresenter,
} from '../../shared/audience/audience-messages';
import { AUDIENCE_LIMITS, RUN_SECONDS } from '../../shared/audience/limits';
import { RateLimit } from '../../shared/audience/rate-limit';
import { Room } from '../../shared/audience/room';
import { audienceContentSecurityPolicy } from '../../shared/security/content-security-policy';
import { newSessionSecrets, sameSecret } from './session-secrets';
import { serveFile } from './serve-file';

export type AudienceLimits = { readonly [K in keyof typeof AUDIENCE_LIMITS]: number };

export interface AudienceServerOptions {
  /** The interface to listen on: the LAN address for a room, 127.0.0.1 for tests. */
  readonly host: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The built renderer (out/web): the only files served. */
  readonly root: string;
  readonly runSeconds?: number;
  /** Tests lower them; the app uses AUDIENCE_LIMITS. */
  readonly limits?: Partial<AudienceLimits>;
  /** At most one state message per presenter this often (ms). */
  readonly stateEveryMs?: number;
}

export interface AudienceSession {
  readonly presenterUrl: string;
  readonly joinUrl: string;
  readonly joinCode: string;
  /** The origin pages must come from (checked on every WebSocket upgrade). */
  readonly origin: string;
  state(): RoomState;
  /** Each state change, throttled like the presenters' (the desktop app forwards them over IPC). */
  onState(listener: (state: RoomState) => void): () => void;
  /** A presenter command from the desktop app's IPC; null when done, else why not. */
  command(command: PresenterCommand): string | null;
  connections(): { attendees: number; presenters: number };
  /** Tells every page the session is over, closes them and stops listening. */
  stop(reason?: string): Promise<void>;
}

/** Close codes: 1008 policy (misbehaved), 1013 try again later (room full), 1001 going away (stopped). */
const CLOSE = { misbehaved: 1008, full: 1013, stopped: 1001 } as const;
/** A frame this large is not a message of ours: the socket is closed at once (ws's own cap). */
const HARD_FRAME_BYTES = 64 * 1024;
/** A presenter whose socket has this much unsent skips a state message: the next one carries everything. */
const SKIP_STATE_ABOVE_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 20_000;

/**
 * The audience session server (ARCHITECTURE.md, "Audience mode"): node:http serving the built
 * renderer with CSP, and `ws` carrying results from attendees' pages to the presenter's. Nothing
 * listens until this is called; nothing is written to disk. Every message is size-capped,
 * rate-limited per connection and schema-checked where it arrives; a refused message changes
 * nothing and is answered with the reason; a connection that keeps misbehaving is closed alone.
 */
export async function startAudienceServer(options: AudienceServerOptions): Promise<AudienceSession> {
  if (!existsSync(join(options.root, 'index.html'))) {
    throw new Error(`The web pages are not built in ${options.root}: run "npm run build:web" first.`);
  }
  const limits: AudienceLimits = { ...AUDIENCE_LIMITS, ...options.limits };
  const runSeconds = options.runSeconds ?? RUN_SECONDS.default;
  if (!(runSeconds >= RUN_SECONDS.min && runSeconds <= RUN_SECONDS.max)) {
    throw new RangeError(`runSeconds must be a number from ${RUN_SECONDS.min} to ${RUN_SECONDS.max}`);
  }
  const stateEveryMs = options.stateEveryMs ?? 100;
  const secrets = newSessionSecrets();
  const attendees = new Map<WebSocket, string>();
  const presenters = new Set<WebSocket>();
  const stateListeners = new Set<(state: RoomState) => void>();

  let headers: Record<string, string> = {};
  const http = createServer((request, response) => serveFile(options.root, headers, request, response));
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_BYTES, perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  const origin = `http://${hostPart}:${port}`;
  const allowedOrigins = new Set([origin]);
  if (options.host === '127.0.0.1') allowedOrigins.add(`http://localhost:${port}`);
  headers = {
    'Content-Security-Policy': audienceContentSecurityPolicy(`ws://${hostPart}:${port}`),
    'X-Content-Type-Options': 'nosniff',
    // The join token is in the page's URL: never hand it to another site as a referrer.
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  const joinUrl = `${origin}/?join=${secrets.joinToken}`;
  const presenterUrl = `${origin}/?screen=audience&key=${secrets.presenterKey}`;
  const room = new Room({
    joinUrl,
    joinCode: secrets.joinCode,
    runSeconds,
    capacity: limits.maxAttendees,
    now: Date.now,
  });

  // State to presenters: at once if none went out in the last stateEveryMs, else at the end of it.
  let lastStateMs = -Infinity;
  let stateTimer: NodeJS.Timeout | null = null;
  const sendState = () => {
    stateTimer = null;
    lastStateMs = Date.now();
    const state = room.state();
    const text = JSON.stringify({ type: 'state', state } satisfies ToPresenter);
    for (const ws of presenters) if (ws.bufferedAmount < SKIP_STATE_ABOVE_BYTES) ws.send(text);
    for (const listener of stateListeners) listener(state);
  };
  const stateChanged = () => {
    if (stateTimer !== null) return;
    stateTimer = setTimeout(sendState, Math.max(0, lastStateMs + stateEveryMs - Date.now()));
  };
  const toAttendees = (message: ToAttendee) => {
    const text = JSON.stringify(message);
    for (const ws of attendees.keys()) ws.send(text);
  };

  const runCommand = (command: PresenterCommand): string | null => {
    if (command.type === 'ask') toAttendees({ type: 'question', question: room.ask(command.question) });
    else if (command.type === 'clear') {
      room.clear();
      toAttendees({ type: 'question', question: null });
    } else {
      const reveal = room.reveal();
      if (reveal === null) return 'there is no question to reveal';
      toAttendees({ type: 'reveal', reveal });
    }
    stateChanged();
    return null;
  };

  /** Every message of one connection passes here first: rate, kind, size. Null when it may be parsed. */
  const gate = (limit: RateLimit, data: Buffer, isBinary: boolean): string | null => {
    if (!limit.take(Date.now())) {
      return `too many messages: at most ${limits.messagesPerSecond} a second (bursts of ${limits.burst})`;
    }
    if (isBinary) return 'messages must be JSON text';
    if (data.byteLength > limits.maxMessageBytes) {
      return `a message must be at most ${limits.maxMessageBytes} bytes; this one has ${data.byteLength}`;
    }
    return null;
  };

  /** Answers a refused message with its reason; after `strikes` of them the connection is closed. */
  const striker = (ws: WebSocket) => {
    let strikes = 0;
    return (reason: string) => {
      strikes++;
      if (strikes >= limits.strikes) {
        send(ws, { type: 'refused', reason: `Disconnected after ${strikes} refused messages; the last: ${reason}` });
        ws.close(CLOSE.misbehaved, 'too many refused messages');
        return;
      }
      if (strikes <= limits.burst || strikes % 10 === 0) send(ws, { type: 'refused', reason });
    };
  };

  const attendAttendee = (ws: WebSocket) => {
    const label = room.join();
    if (label === null) {
      send(ws, { type: 'refused', reason: `The room is full (${limits.maxAttendees} devices). Try again later.` });
      ws.close(CLOSE.full, 'room full');
      return;
    }
    attendees.set(ws, label);
    const limit = new RateLimit(limits.messagesPerSecond, limits.burst, Date.now());
    const refuse = striker(ws);
    send(ws, {
      type: 'welcome',
      joinCode: secrets.joinCode,
      runSeconds,
      question: room.currentQuestion,
      reveal: room.currentReveal,
    });
    ws.on('message', (data: Buffer, isBinary) => {
      const gated = gate(limit, data, isBinary);
      if (gated !== null) return refuse(gated);
      const parsed = parseMessage(attendeeMessageSchema, data.toString('utf8'));
      if (!parsed.ok) return refuse(`Refused: ${parsed.reason}`);
      const message = parsed.value;
      if (message.type === 'result') room.record(label, message);
      else {
        const why = room.answer(label, message.questionId, message.answer);
        if (why !== null) return refuse(`Answer not counted: ${why}`);
      }
      send(ws, { type: 'accepted', what: message.type });
      stateChanged();
    });
    ws.on('close', () => {
      attendees.delete(ws);
      room.leave(label);
      stateChanged();
    });
    stateChanged();
  };

  const attendPresenter = (ws: WebSocket) => {
    if (presenters.size >= limits.maxPresenters) {
      send(ws, { type: 'refused', reason: `At most ${limits.maxPresenters} presenter pages at once.` });
      ws.close(CLOSE.full, 'too many presenters');
      return;
    }
    presenters.add(ws);
    const limit = new RateLimit(limits.messagesPerSecond, limits.burst, Date.now());
    const refuse = striker(ws);
    ws.send(JSON.stringify({ type: 'state', state: room.state() } satisfies ToPresenter));
    ws.on('message', (data: Buffer, isBinary) => {
      const gated = gate(limit, data, isBinary);
      if (gated !== null) return refuse(gated);
      const parsed = parseMessage(presenterCommandSchema, data.toString('utf8'));
      if (!parsed.ok) return refuse(`Refused: ${parsed.reason}`);
      const why = runCommand(parsed.value);
      if (why !== null) refuse(why);
    });
    ws.on('close', () => presenters.delete(ws));
  };

  http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const refusal = upgradeRefusal(request, allowedOrigins, secrets);
    if (refusal !== null) {
      socket.end(
        `HTTP/1.1 ${refusal.status}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${refusal.reason}\n`,
      );
      return;
    }
    const role = new URL(request.url ?? '/', origin).searchParams.get('role');
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      watchHeartbeat(ws);
      if (role === 'presenter') attendPresenter(ws);
      else attendAttendee(ws);
    });
  });

  return {
    presenterUrl,
    joinUrl,
    joinCode: secrets.joinCode,
    origin,
    state: () => room.state(),
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    command: runCommand,
    connections: () => ({ attendees: attendees.size, presenters: presenters.size }),
    async stop(reason = 'The presenter ended the session.') {
      if (stateTimer !== null) clearTimeout(stateTimer);
      stateTimer = null;
      stateListeners.clear();
      const stopped = JSON.stringify({ type: 'stopped', reason });
      const sockets = [...attendees.keys(), ...presenters];
      const closed = sockets.map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
      for (const ws of sockets) {
        ws.send(stopped);
        ws.close(CLOSE.stopped, 'session stopped');
      }
      // A page that does not answer the close handshake is cut off after a second.
      const cutOff = setTimeout(() => sockets.forEach((ws) => ws.terminate()), 1000);
      await Promise.all(closed);
      clearTimeout(cutOff);
      wss.close();
      const done = new Promise<void>((resolve) => http.close(() => resolve()));
      // Browsers keep idle HTTP connections open; they would hold close() up.
      http.closeAllConnections();
      await done;
    },
  };
}

function send(ws: WebSocket, message: ToAttendee | ToPresenter): void {
  ws.send(JSON.stringify(message));
}

/** Why an upgrade is refused before any WebSocket exists, or null: path, Origin, role and its secret. */
function upgradeRefusal(
  request: IncomingMessage,
  allowedOrigins: ReadonlySet<string>,
  secrets: { joinToken: string; presenterKey: string },
): { status: string; reason: string } | null {
  const url = new URL(request.url ?? '/', 'http://upgrade.invalid');
  if (url.pathname !== '/ws') return { status: '404 Not Found', reason: 'WebSockets are served on /ws only.' };
  const origin = request.headers.origin;
  if (origin === undefined || !allowedOrigins.has(origin)) {
    return { status: '403 Forbidden', reason: 'This page comes from another origin.' };
  }
  const role = url.searchParams.get('role');
  if (role === 'attendee' && sameSecret(url.searchParams.get('token'), secrets.joinToken)) return null;
  if (role === 'presenter' && sameSecret(url.searchParams.get('key'), secrets.presenterKey)) return null;
  return { status: '403 Forbidden', reason: 'This link is not (or no longer) a link to this session.' };
}

/** A phone that walked out of the room without closing its page is dropped after a missed ping. */
function watchHeartbeat(ws: WebSocket): void {
  let alive = true;
  ws.on('pong', () => (alive = true));
  const timer = setInterval(() => {
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
  }, HEARTBEAT_MS);
  timer.unref();
  ws.on('close', () => clearInterval(timer));
}
