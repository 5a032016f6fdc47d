import { afterEach, describe, expect, it, vi } from 'vitest';
import { mainMetricsSchema, type MainMetrics } from '../../shared/host/main-metrics';
import { createEventLoopMeter } from './task-host/event-loop-meter';
import { sampleMainMetrics, startMetricsFeed } from './metrics-feed';

const pool = {
  size: 2,
  queued: 0,
  lanes: [
    { lane: 0, busy: false, spawned: 0 },
    { lane: 1, busy: true, spawned: 1 },
  ],
};
const processes = [{ pid: 10, type: 'Utility', name: 'Unfreeze worker 1', cpuPercent: 99.5, memoryKB: 40_000 }];
const reading: MainMetrics = {
  at: 5,
  eventLoop: { p50: 0, p99: 1, max: 2 },
  pools: { 'worker-thread': pool, 'utility-process': pool },
  processes,
};

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('sampleMainMetrics', () => {
  it('reads every meter once into one valid reading', () => {
    const eventLoop = { sample: vi.fn(() => ({ p50: 0, p99: 1, max: 2 })) };
    const metrics = sampleMainMetrics({
      eventLoop,
      pools: () => reading.pools,
      processes: () => processes,
      clock: () => 5,
    });
    expect(metrics).toEqual(reading);
    expect(eventLoop.sample).toHaveBeenCalledOnce();
  });

  it('sees a blocked event loop in the real meter', () => {
    const meter = createEventLoopMeter();
    const until = performance.now() + 120;
    while (performance.now() < until) {
      /* block, as a main-process task does */
    }
    const metrics = sampleMainMetrics({ eventLoop: meter, pools: () => reading.pools, processes: () => [] });
    meter.stop();
    expect(mainMetricsSchema.safeParse(metrics).success).toBe(true);
    expect(metrics.eventLoop.max).toBeGreaterThanOrEqual(100);
    expect(metrics.at).toBeGreaterThan(performance.timeOrigin);
  });
});

describe('startMetricsFeed', () => {
  it('publishes a reading every interval until stopped', () => {
    vi.useFakeTimers();
    const publish = vi.fn();
    const stop = startMetricsFeed(250, () => reading, publish);
    vi.advanceTimersByTime(1000);
    expect(publish).toHaveBeenCalledTimes(4);
    stop();
    vi.advanceTimersByTime(1000);
    expect(publish).toHaveBeenCalledTimes(4);
  });

  it('logs a failing sample and keeps going', () => {
    vi.useFakeTimers();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const publish = vi.fn();
    const stop = startMetricsFeed(
      250,
      () => {
        if (++calls === 1) throw new Error('getAppMetrics failed');
        return reading;
      },
      publish,
    );
    vi.advanceTimersByTime(500);
    stop();
    expect(error).toHaveBeenCalledOnce();
    expect(publish).toHaveBeenCalledOnce();
  });
});
