import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('holds values oldest first until full', () => {
    const ring = new RingBuffer(4);
    ring.push(1);
    ring.push(2);
    ring.push(3);
    expect(ring.length).toBe(3);
    expect(ring.toArray()).toEqual([1, 2, 3]);
    expect(ring.at(0)).toBe(1);
    expect(ring.latest()).toBe(3);
    expect(ring.latest(2)).toBe(1);
  });

  it('overwrites the oldest value once full', () => {
    const ring = new RingBuffer(3);
    for (let v = 1; v <= 7; v += 1) ring.push(v);
    expect(ring.length).toBe(3);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.at(0)).toBe(5);
    expect(ring.latest()).toBe(7);
    expect(ring.latest(1)).toBe(6);
  });

  it('wraps exactly at capacity', () => {
    const ring = new RingBuffer(2);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    ring.push(3);
    expect(ring.toArray()).toEqual([2, 3]);
  });

  it('copies the newest values in order into a target', () => {
    const ring = new RingBuffer(4);
    for (let v = 1; v <= 6; v += 1) ring.push(v);
    const target = new Float64Array(8);
    expect(ring.copyLatestTo(target)).toBe(4);
    expect(Array.from(target.subarray(0, 4))).toEqual([3, 4, 5, 6]);
    expect(ring.copyLatestTo(target, 2)).toBe(2);
    expect(Array.from(target.subarray(0, 2))).toEqual([5, 6]);
  });

  it('leaves out the newest values it is told to skip', () => {
    const ring = new RingBuffer(4);
    for (let v = 1; v <= 6; v += 1) ring.push(v);
    const target = new Float64Array(8);
    expect(ring.copyLatestTo(target, 2, 1)).toBe(2);
    expect(Array.from(target.subarray(0, 2))).toEqual([4, 5]);
    expect(ring.copyLatestTo(target, 8, 3)).toBe(1);
    expect(target[0]).toBe(3);
    expect(ring.copyLatestTo(target, 8, 4)).toBe(0);
  });

  it('never copies more than the target holds', () => {
    const ring = new RingBuffer(4);
    for (let v = 1; v <= 4; v += 1) ring.push(v);
    const small = new Float64Array(3);
    expect(ring.copyLatestTo(small)).toBe(3);
    expect(Array.from(small)).toEqual([2, 3, 4]);
  });

  it('clears', () => {
    const ring = new RingBuffer(2);
    ring.push(1);
    ring.push(2);
    ring.push(3);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.toArray()).toEqual([]);
    ring.push(9);
    expect(ring.toArray()).toEqual([9]);
  });

  it('rejects bad capacities and indexes', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
    const ring = new RingBuffer(2);
    expect(() => ring.latest()).toThrow(RangeError);
    ring.push(1);
    expect(() => ring.at(1)).toThrow(RangeError);
    expect(() => ring.at(-1)).toThrow(RangeError);
  });
});
