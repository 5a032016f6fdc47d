import { describe, expect, it } from 'vitest';
import { InputDelayLog } from './input-delays';

describe('InputDelayLog', () => {
  it('keeps one record per input and prefers the Event Timing figure', () => {
    const log = new InputDelayLog();
    log.record(1000, 1900, 'event-timestamp');
    const merged = log.record(1000.2, 1895, 'event-timing');
    expect(merged).toEqual({ startTime: 1000.2, delayMs: 1895, source: 'event-timing' });
    expect(log.length).toBe(1);
    // A later timestamp report of the same input does not overwrite the exact figure.
    expect(log.record(1000, 1901, 'event-timestamp').delayMs).toBe(1895);
    expect(log.length).toBe(1);
  });

  it('treats inputs more than 1 ms apart as different', () => {
    const log = new InputDelayLog();
    log.record(100, 3, 'event-timestamp');
    log.record(102, 4, 'event-timestamp');
    expect(log.length).toBe(2);
  });

  it('selects delays by when the input happened, in time order', () => {
    const log = new InputDelayLog();
    log.record(500, 2, 'event-timestamp');
    log.record(1500, 1200, 'event-timing');
    log.record(1200, 1500, 'event-timestamp');
    log.record(4000, 5, 'event-timestamp');
    expect(log.delaysBetween(1000, 3000)).toEqual([1500, 1200]);
    expect(log.delaysBetween(500, 500)).toEqual([2]);
    expect(log.delaysBetween(5000, 6000)).toEqual([]);
  });

  it('reports the most recent input, even when reports arrive out of order', () => {
    const log = new InputDelayLog();
    expect(log.latest()).toBeUndefined();
    log.record(300, 7, 'event-timestamp');
    log.record(200, 9, 'event-timing');
    expect(log.latest()?.startTime).toBe(300);
  });

  it('clamps negative delays to zero', () => {
    const log = new InputDelayLog();
    expect(log.record(10, -0.3, 'event-timestamp').delayMs).toBe(0);
  });

  it('drops the oldest record beyond its capacity', () => {
    const log = new InputDelayLog(3);
    for (let t = 0; t < 5; t += 1) log.record(t * 10, t, 'event-timestamp');
    expect(log.length).toBe(3);
    expect(log.delaysBetween(0, 100)).toEqual([2, 3, 4]);
    expect(() => new InputDelayLog(0)).toThrow(RangeError);
  });
});
