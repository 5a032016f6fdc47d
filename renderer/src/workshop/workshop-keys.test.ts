import { describe, expect, it } from 'vitest';
import { actionOf, type KeyInput } from './workshop-keys';

const key = (k: string, over: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  ...over,
});

describe('actionOf', () => {
  it('maps the presenter keys', () => {
    expect(['ArrowLeft', 'ArrowRight', ' ', 'Escape', 'p', 'P', '?', 'PageDown'].map((k) => actionOf(key(k)))).toEqual([
      'previous',
      'next',
      'run',
      'cancel',
      'presenter',
      'presenter',
      'shortcuts',
      'next',
    ]);
  });

  it('leaves other keys, form fields and modified presses alone', () => {
    expect(actionOf(key('x'))).toBeNull();
    expect(actionOf(key(' ', { targetTag: 'INPUT' }))).toBeNull();
    expect(actionOf(key('p', { targetEditable: true }))).toBeNull();
    expect(actionOf(key('ArrowRight', { altKey: true }))).toBeNull();
    expect(actionOf(key('p', { ctrlKey: true }))).toBeNull();
  });
});
