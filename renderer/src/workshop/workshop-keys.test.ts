import { describe, expect, it } from 'vitest';
import { actionOf, SHORTCUTS, type KeyInput } from './workshop-keys';

const key = (k: string, over: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  targetPressable: false,
  ...over,
});

describe('actionOf', () => {
  it('leaves Space to a focused button, and still hears the other keys there', () => {
    expect(actionOf(key(' ', { targetTag: 'BUTTON', targetPressable: true }))).toBeNull();
    expect(actionOf(key('Escape', { targetTag: 'BUTTON', targetPressable: true }))).toBe('cancel');
    expect(actionOf(key('ArrowRight', { targetTag: 'BUTTON', targetPressable: true }))).toBe('next');
    expect(actionOf(key(' ', { targetTag: 'SECTION' }))).toBe('run');
  });

  it('lists every key it maps in the shortcuts dialog', () => {
    const listed = SHORTCUTS.map(([keys]) => keys).join(' ');
    for (const name of ['←', '→', 'PageUp', 'PageDown', 'Space', 'Esc', 'P', '?']) expect(listed).toContain(name);
  });

  it('maps the presenter keys', () => {
    const keys = ['ArrowLeft', 'ArrowRight', ' ', 'Escape', 'p', 'P', '?', 'PageDown', 'PageUp'];
    expect(keys.map((k) => actionOf(key(k)))).toEqual([
      'previous',
      'next',
      'run',
      'cancel',
      'presenter',
      'presenter',
      'shortcuts',
      'next',
      'previous',
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
