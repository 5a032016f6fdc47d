import { describe, expect, it } from 'vitest';
import { longestPingStall, pageHeldPing, PingLog } from './ping-stalls';

/** Pings every 100 ms answered in 1 ms, except where the main process is blocked. */
function pingsAround(
  blockedFrom: number,
  blockedUntil: number,
  untilMs: number,
): { sent: number[]; received: number[] } {
  const sent: number[] = [];
  const received: number[] = [];
  let t = 0;
  while (t < untilMs) {
    const reply = t >= blockedFrom && t < blockedUntil ? blockedUntil + 1 : t + 1;
    sent.push(t);
    received.push(reply);
    // One in flight at a time: the next goes 100 ms after the last send, or as soon as it returns.
    t = Math.max(t + 100, reply);
  }
  return { sent, received };
}

describe('longestPingStall', () => {
  it('finds the round trip of the ping held by a blocked main process', () => {
    const { sent, received } = pingsAround(1050, 4000, 6000);
    const stall = longestPingStall(sent, received, { startMs: 1000, endMs: 4005 }, 6000);
    // The ping sent at 1100 (just after the block began) waits until 4001.
    expect(stall.worstMs).toBe(2901);
    expect(stall.unanswered).toBe(false);
    expect(stall.pings).toBeGreaterThan(1);
  });

  it('counts the whole round trip of a ping sent just before the run', () => {
    // The block begins 10 ms into the run; the ping sent 20 ms before the run is held too.
    const stall = longestPingStall([980, 3001], [3001, 3002], { startMs: 1000, endMs: 3000 }, 3100);
    expect(stall.worstMs).toBe(2021);
    expect(stall.pings).toBe(1);
  });

  it('ignores pings entirely outside the window', () => {
    const stall = longestPingStall([0, 100, 5000], [2000, 101, 5001], { startMs: 3000, endMs: 4000 }, 6000);
    expect(stall).toEqual({ worstMs: 0, pings: 0, unanswered: false });
  });

  it('measures an unanswered ping up to now, and says so', () => {
    const stall = longestPingStall([0, 100], [1, Number.NaN], { startMs: 50, endMs: 1000 }, 2600);
    expect(stall).toEqual({ worstMs: 2500, pings: 1, unanswered: true });
  });

  it('reports a responsive main process by its worst ping', () => {
    const { sent, received } = pingsAround(Infinity, Infinity, 3000);
    received[7] = (sent[7] ?? 0) + 4;
    const stall = longestPingStall(sent, received, { startMs: 0, endMs: 3000 }, 3000);
    expect(stall.worstMs).toBe(4);
    expect(stall.pings).toBe(30);
  });

  it('refuses unpaired times', () => {
    expect(() => longestPingStall([1, 2], [3], { startMs: 0, endMs: 1 }, 5)).toThrow(RangeError);
  });
});

describe('PingLog', () => {
  it('keeps one ping in flight and returns each round trip', () => {
    const log = new PingLog(8);
    log.begin(10);
    expect(log.inFlightSinceMs).toBe(10);
    expect(() => log.begin(11)).toThrow(/already in flight/);
    expect(log.latestRoundTripMs).toBeNull();
    expect(log.end(13)).toBe(3);
    expect(log.latestRoundTripMs).toBe(3);
    expect(log.inFlightSinceMs).toBeNull();
    expect(() => log.end(14)).toThrow(/No ping/);
    expect(log.length).toBe(1);
  });

  it('can forget the ping in flight', () => {
    const log = new PingLog(8);
    log.begin(0);
    log.discard();
    expect(log.inFlightSinceMs).toBeNull();
    expect(log.length).toBe(0);
    log.begin(5);
    expect(log.end(6)).toBe(1);
  });

  it('includes the ping in flight in a run’s stall', () => {
    const log = new PingLog(8);
    log.begin(0);
    log.end(1);
    log.begin(100);
    const stall = log.longestStall({ startMs: 50, endMs: 2000 }, 2100);
    expect(stall).toEqual({ worstMs: 2000, pings: 1, unanswered: true });
  });

  it('draws each ping rising from its send to its reply, the one in flight up to now', () => {
    const log = new PingLog(8);
    log.begin(0);
    log.end(2);
    log.begin(100);
    log.end(101);
    log.begin(200);
    const xs = new Float64Array(16);
    const ys = new Float64Array(16);
    const n = log.fillWaitSeries(1200, 10_000, xs, ys);
    expect(n).toBe(6);
    expect(Array.from(xs.subarray(0, n))).toEqual([-1.2, -1.198, -1.1, -1.099, -1, 0]);
    expect(Array.from(ys.subarray(0, n))).toEqual([0, 2, 0, 1, 0, 1000]);
  });

  it('closes the line at now when nothing is in flight, and keeps one ping from before the window', () => {
    const log = new PingLog(8);
    for (const t of [0, 100, 200, 300]) {
      log.begin(t);
      log.end(t + 1);
    }
    const xs = new Float64Array(16);
    const ys = new Float64Array(16);
    const n = log.fillWaitSeries(1250, 1000, xs, ys);
    // The window starts at 250: the ping answered at 301 is in it, the one answered at 201 leads in.
    expect(Array.from(xs.subarray(0, n))).toEqual([-1.05, -1.049, -0.95, -0.949, 0]);
    expect(Array.from(ys.subarray(0, n))).toEqual([0, 1, 0, 1, 0]);
  });

  it('keeps the newest pings when the arrays run short', () => {
    const log = new PingLog(16);
    for (let t = 0; t < 1000; t += 100) {
      log.begin(t);
      log.end(t + 1);
    }
    const xs = new Float64Array(5);
    const ys = new Float64Array(5);
    const n = log.fillWaitSeries(1000, 10_000, xs, ys);
    expect(n).toBe(5);
    expect(Array.from(xs)).toEqual([-0.2, -0.199, -0.1, -0.099, 0]);
  });
});

describe('pageHeldPing', () => {
  const none = { blockedFromMs: -Infinity, blockedUntilMs: -Infinity };

  it('blames the main process when the page kept beating through the wait', () => {
    expect(pageHeldPing(1000, 3000, { lastBeatMs: 2990, ...none }, 200)).toBe(false);
  });

  it('blames the page when its heartbeat went silent for most of the wait (reply handled first)', () => {
    expect(pageHeldPing(1000, 3000, { lastBeatMs: 1020, ...none }, 200)).toBe(true);
  });

  it('blames the page when its heartbeat just reported a block covering the wait', () => {
    expect(pageHeldPing(1000, 3000, { lastBeatMs: 2999, blockedFromMs: 1020, blockedUntilMs: 2999 }, 200)).toBe(true);
  });

  it('keeps a main-process stall that a short page hiccup only touched', () => {
    expect(pageHeldPing(1000, 3000, { lastBeatMs: 2990, blockedFromMs: 1500, blockedUntilMs: 1800 }, 200)).toBe(false);
  });

  it('never blames the page for a quick ping', () => {
    expect(pageHeldPing(1000, 1150, { lastBeatMs: 0, ...none }, 200)).toBe(false);
  });
});
