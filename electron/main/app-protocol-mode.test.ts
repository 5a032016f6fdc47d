import { describe, expect, it } from 'vitest';
import { chooseAppProtocol } from './app-protocol-mode';

describe('chooseAppProtocol', () => {
  it('prefers registerSource where Electron has it, and may fall back to a handler', () => {
    expect(chooseAppProtocol(undefined, true)).toEqual({ first: 'source', mayFallBack: true });
    expect(chooseAppProtocol('', true)).toEqual({ first: 'source', mayFallBack: true });
    expect(chooseAppProtocol(undefined, false)).toEqual({ first: 'handler', mayFallBack: true });
  });

  it('lets UNFREEZE_APP_PROTOCOL force either way, with no silent fallback', () => {
    expect(chooseAppProtocol('handler', true)).toEqual({ first: 'handler', mayFallBack: false });
    expect(chooseAppProtocol('source', true)).toEqual({ first: 'source', mayFallBack: false });
    expect(chooseAppProtocol('source', false)).toEqual({ first: 'source', mayFallBack: false });
  });
});
