import type { UnfreezeApi } from '../../../shared/ipc/unfreeze-api';
import { pageHeldPing, PingLog, type PingStall, type TimeWindow } from '../../../shared/stats/ping-stalls';
import { messageOf } from '../../../shared/errors/message-of';

/** One ping every 100 ms: a stall shows within a tenth of a second, and IPC barely notices. */
export const PING_EVERY_MS = 100;
/** After a run, how long to wait for the ping still in flight before measuring without it. */
const SETTLE_TIMEOUT_MS = 3000;
/**
 * A reply is taken on this page's own thread, so a page that froze (a run on its main thread)
 * holds the reply too. A heartbeat timer tells: when it fires this late, the page was blocked.
 * Not animation frames: on some platforms a blocked main process stops those as well.
 */
const HEARTBEAT_MS = 50;
const PAGE_BLOCKED_AFTER_MS = 200;

type PingApi = Pick<UnfreezeApi, 'ping'>;

/**
 * Pings the main process, one ping in flight at a time, and logs each round trip. While the
 * main process is blocked the ping in flight simply waits, so its round trip is the stall.
 * Nothing here touches React: the chart reads the log on its own frames.
 */
export class MainPinger {
  readonly log = new PingLog();
  private api: PingApi | null = null;
  private users = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiters: Array<() => void> = [];
  /** The last ping that failed, for the meter's small print (a reply came, but not a good one). */
  lastError: string | null = null;

  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastBeatMs = 0;
  /** The latest span in which this page's own thread ran no timer (from the heartbeat). */
  private pageBlocked = { fromMs: -Infinity, untilMs: -Infinity };

  /** Starts pinging (counted: each start needs its stop, which is returned). */
  start(api: PingApi): () => void {
    this.api = api;
    this.users += 1;
    if (this.users === 1) {
      this.lastBeatMs = performance.now();
      this.heartbeat = setInterval(this.beat, HEARTBEAT_MS);
      this.schedule(0);
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.users -= 1;
      if (this.users > 0) return;
      if (this.timer !== null) clearTimeout(this.timer);
      if (this.heartbeat !== null) clearInterval(this.heartbeat);
      this.timer = null;
      this.heartbeat = null;
    };
  }

  /** The longest stall in a window, once the ping in flight at its end has come back (or a timeout). */
  async stallDuring(window: TimeWindow): Promise<PingStall> {
    await this.settledBefore(window.endMs);
    return this.log.longestStall(window, performance.now());
  }

  private settledBefore(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const since = this.log.inFlightSinceMs;
        return since === null || since > ms;
      };
      if (check()) return resolve();
      const timeout = setTimeout(done, SETTLE_TIMEOUT_MS);
      const waiter = (): void => {
        if (check()) done();
      };
      function done(): void {
        clearTimeout(timeout);
        resolve();
      }
      this.waiters.push(waiter);
    });
  }

  private readonly beat = (): void => {
    const now = performance.now();
    if (now - this.lastBeatMs > PAGE_BLOCKED_AFTER_MS) this.pageBlocked = { fromMs: this.lastBeatMs, untilMs: now };
    this.lastBeatMs = now;
  };

  private schedule(delayMs: number): void {
    if (this.users === 0 || this.timer !== null) return;
    this.timer = setTimeout(this.send, delayMs);
  }

  private readonly send = (): void => {
    this.timer = null;
    const api = this.api;
    if (api === null || this.users === 0 || this.log.inFlightSinceMs !== null) return;
    const sent = performance.now();
    this.log.begin(sent);
    const answered = (): void => {
      const now = performance.now();
      const heartbeat = {
        lastBeatMs: this.lastBeatMs,
        blockedFromMs: this.pageBlocked.fromMs,
        blockedUntilMs: this.pageBlocked.untilMs,
      };
      if (pageHeldPing(sent, now, heartbeat, PAGE_BLOCKED_AFTER_MS)) {
        this.log.discard();
      } else {
        this.log.end(now);
      }
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
      // Every 100 ms from the last send, or at once after a ping that took longer than that.
      this.schedule(Math.max(0, sent + PING_EVERY_MS - performance.now()));
    };
    api.ping().then(
      () => {
        this.lastError = null;
        answered();
      },
      (error: unknown) => {
        this.lastError = messageOf(error);
        answered();
      },
    );
  };
}

/** The page's one pinger; it starts when the main-process meters mount. */
export const mainPinger = new MainPinger();
