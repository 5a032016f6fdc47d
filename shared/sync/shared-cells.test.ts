import { describe, expect, it } from 'vitest';
import { Mutex } from './mutex';
import { ReentrantMutex } from './reentrant-mutex';
import { SharedEvent } from './event';

const shared = (n: number) => new Int32Array(new SharedArrayBuffer(n * 4));

describe('the primitives refuse memory they cannot share', () => {
  it('refuses a plain ArrayBuffer: each thread would lock its own copy', () => {
    const plain = new Int32Array(4);
    expect(() => new Mutex(plain, 0)).toThrow(/A Mutex needs an Int32Array over a SharedArrayBuffer/);
    expect(() => new SharedEvent(plain, 0)).toThrow(/A SharedEvent needs/);
    expect(() => new ReentrantMutex(plain, 0)).toThrow(/A ReentrantMutex needs/);
  });

  it('refuses cells outside the array, and names them', () => {
    expect(() => new Mutex(shared(2), 2)).toThrow('Mutex cell 2 is outside the array');
    expect(() => new Mutex(shared(2), -1)).toThrow(RangeError);
    expect(() => new Mutex(shared(2), 0.5)).toThrow(RangeError);
    expect(() => new ReentrantMutex(shared(4), 2)).toThrow('ReentrantMutex cells 2–4 are outside the array');
    expect(() => new ReentrantMutex(shared(3), 0)).not.toThrow();
    expect(() => new SharedEvent(shared(1), 0)).not.toThrow();
  });
});
