/**
 * How the `unfreeze://app` scheme is served. `protocol.registerSource` (experimental in Electron
 * 45) serves files without a JavaScript handler, so pages keep loading while a demo blocks the
 * main process on purpose; `protocol.handle` does the same job on the main thread, and is the
 * fallback. UNFREEZE_APP_PROTOCOL chooses: `handler` forces the fallback (so an Electron e2e can
 * test it), `source` insists on registerSource (and fails loudly without it); anything else, or
 * nothing, means "registerSource where it works".
 */
export type AppProtocolMode = 'source' | 'handler';

export interface AppProtocolChoice {
  /** What to try first. */
  readonly first: AppProtocolMode;
  /** Whether a failing registerSource may fall back to protocol.handle. */
  readonly mayFallBack: boolean;
}

export function chooseAppProtocol(setting: string | undefined, hasRegisterSource: boolean): AppProtocolChoice {
  if (setting === 'handler') return { first: 'handler', mayFallBack: false };
  if (setting === 'source') return { first: 'source', mayFallBack: false };
  return { first: hasRegisterSource ? 'source' : 'handler', mayFallBack: true };
}
