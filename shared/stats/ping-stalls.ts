import { RingBuffer } from './ring-buffer';

/**
 * The renderer pings the main process every 100 ms, one ping in flight at a time. While the
 * main process is blocked, the ping in flight waits for it: its round trip is the stall, as the
 * renderer saw it. This file holds the arithmetic over those send / receive times.
 */

export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

export interface PingStall {
  /** Longest round trip of a ping that was in flight during the window (0 when none was). */
  readonly worstMs: number;
  /** How many pings were in flight at some moment of the window. */
  readonly pings: number;
  /** The worst one had not been answered yet: its wait so far is a lower bound. */
  readonly unanswered: boolean;
}

/**
 * The longest ping round trip during a window. A ping counts when [sent, received] overlaps the
 * window, and with its whole round trip: a main process blocked by the run also holds the reply
 * to the ping sent just before the run began. An unanswered ping (received NaN) is measured up
 * to `nowMs`.
 */
export function longestPingStall(
  sentMs: ArrayLike<number>,
  receivedMs: ArrayLike<number>,
  window: TimeWindow,
  nowMs: number,
): PingStall {
  if (sentMs.length !== receivedMs.length) {
    throw new RangeError(`sent (${sentMs.length}) and received (${receivedMs.length}) times must pair up`);
  }
  let worst = 0;
  let pings = 0;
  let unanswered = false;
  for (let i = 0; i < sentMs.length; i += 1) {
    const sent = sentMs[i] ?? Number.NaN;
    const received = receivedMs[i] ?? Number.NaN;
    const answered = !Number.isNaN(received);
    const until = answered ? received : nowMs;
    if (Number.isNaN(sent) || sent > window.endMs || until < window.startMs) continue;
    pings += 1;
    const roundTrip = Math.max(0, until - sent);
    if (roundTrip > worst || (roundTrip === worst && !answered)) {
      worst = roundTrip;
      unanswered = !answered;
    }
  }
  return { worstMs: worst, pings, unanswered };
}

export interface PageHeartbeat {
  /** When this page's heartbeat timer last ran. */
  readonly lastBeatMs: number;
  /** The latest span in which it did not run (the page's own thread was blocked). */
  readonly blockedFromMs: number;
  readonly blockedUntilMs: number;
}

/**
 * Whether this page's own blocked thread, rather than the main process, made most of a ping's
 * round trip. The reply is taken on the page's thread, so a frozen page holds it too; the page's
 * heartbeat tells: either it has not run since long before the reply (the reply was handled first
 * after the freeze), or it just reported a block that covers most of the ping's flight. Round
 * trips up to `blockedAfterMs` are never the page's doing.
 */
export function pageHeldPing(
  sentMs: number,
  receivedMs: number,
  heartbeat: PageHeartbeat,
  blockedAfterMs: number,
): boolean {
  const roundTrip = receivedMs - sentMs;
  if (roundTrip <= blockedAfterMs) return false;
  const silentSince = Math.max(sentMs, heartbeat.lastBeatMs);
  if (receivedMs - silentSince > Math.max(blockedAfterMs, roundTrip / 2)) return true;
  const overlap = Math.min(receivedMs, heartbeat.blockedUntilMs) - Math.max(sentMs, heartbeat.blockedFromMs);
  return overlap > roundTrip / 2;
}

/** Room for well over 10 s of history at one ping per 100 ms. */
const DEFAULT_CAPACITY = 1024;

/**
 * Send and receive times of the last pings, plus the one in flight. Recording allocates
 * nothing, so it can run for hours beside the meters it feeds.
 */
export class PingLog {
  private readonly sent: RingBuffer;
  private readonly received: RingBuffer;
  private pendingSentMs: number | null = null;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.sent = new RingBuffer(capacity);
    this.received = new RingBuffer(capacity);
  }

  /** When the ping in flight was sent, or null when none is. */
  get inFlightSinceMs(): number | null {
    return this.pendingSentMs;
  }

  /** Answered pings held (not counting the one in flight). */
  get length(): number {
    return this.sent.length;
  }

  /** Round trip of the latest answered ping, or null before the first. */
  get latestRoundTripMs(): number | null {
    return this.sent.length === 0 ? null : this.received.latest() - this.sent.latest();
  }

  /** A ping was sent. Only one may be in flight: the meter's premise is that each waits alone. */
  begin(sentMs: number): void {
    if (this.pendingSentMs !== null) throw new Error('A ping is already in flight');
    this.pendingSentMs = sentMs;
  }

  /** The ping in flight was answered; returns its round trip. */
  end(receivedMs: number): number {
    const sent = this.pendingSentMs;
    if (sent === null) throw new Error('No ping is in flight');
    this.pendingSentMs = null;
    this.sent.push(sent);
    this.received.push(receivedMs);
    return receivedMs - sent;
  }

  /**
   * Forgets the ping in flight without recording it: its round trip was not the main
   * process's doing (the page itself could not take the reply), so it would mislead.
   */
  discard(): void {
    this.pendingSentMs = null;
  }

  /** The longest stall during a window, counting the ping in flight up to `nowMs`. One-off, not per frame. */
  longestStall(window: TimeWindow, nowMs: number): PingStall {
    const sent = this.sent.toArray();
    const received = this.received.toArray();
    if (this.pendingSentMs !== null) {
      sent.push(this.pendingSentMs);
      received.push(Number.NaN);
    }
    return longestPingStall(sent, received, window, nowMs);
  }

  /**
   * Chart points of how long the main process has kept a ping waiting, over the `windowMs`
   * before `nowMs`: each ping rises from 0 at its send to its round trip at its reply, and the
   * one in flight rises up to now, so a stall grows on screen while it happens. x is in
   * seconds relative to now (≤ 0), y in ms; oldest first. Fills the given arrays (reused
   * between draws) and returns how many points; the newest pings win when they run short.
   */
  fillWaitSeries(nowMs: number, windowMs: number, xsOut: Float64Array, ysOut: Float64Array): number {
    const room = Math.min(xsOut.length, ysOut.length);
    // Two points per answered ping, then two for the one in flight or one closing at "now".
    const tail = this.pendingSentMs === null ? 1 : 2;
    const fit = Math.max(0, Math.floor((room - tail) / 2));
    // Walk back from the newest to the first ping answered before the window (one leading
    // ping, so the line enters from the left edge).
    const since = nowMs - windowMs;
    let count = 0;
    while (count < this.sent.length && count < fit) {
      count += 1;
      if (this.received.latest(count - 1) < since) break;
    }
    let n = 0;
    const put = (atMs: number, waitMs: number): void => {
      if (n >= room) return;
      xsOut[n] = (atMs - nowMs) / 1000;
      ysOut[n] = waitMs;
      n += 1;
    };
    for (let back = count - 1; back >= 0; back -= 1) {
      const sent = this.sent.latest(back);
      const received = this.received.latest(back);
      put(sent, 0);
      put(received, Math.max(0, received - sent));
    }
    if (this.pendingSentMs !== null) {
      put(this.pendingSentMs, 0);
      put(nowMs, Math.max(0, nowMs - this.pendingSentMs));
    } else {
      put(nowMs, 0);
    }
    return n;
  }
}
