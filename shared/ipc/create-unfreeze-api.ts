// Types only: the sandboxed preload bundles this file and must not load zod (the channel map's
// schemas run in the main process, which is where the page's calls are checked).
import type { EventChannel, EventPayload, InvokeArgs, InvokeChannel, InvokeResponse } from './channels';
import type { UnfreezeApi } from './unfreeze-api';

/**
 * How the API reaches the main process: the typed channel map, and nothing else. In the app it is
 * electron/preload/ipc-renderer.ts (ipcRenderer); anywhere else, any stand-in with these two calls.
 * `invoke` resolves with the channel's answer or rejects with the main process's own message.
 */
export interface UnfreezeTransport {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResponse<C>>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

/**
 * Builds `window.unfreeze` over a transport: one small function per thing the page may ask,
 * each sending one payload over one channel, so the page can reach exactly these and nothing else
 * in the main process. Arguments go as they are: the main process checks every one of them (the
 * page is not trusted to respect these types). Pure, so it runs the same in the preload and in a
 * plain page over a stand-in transport.
 */
export function createUnfreezeApi(transport: UnfreezeTransport): UnfreezeApi {
  const { invoke, on } = transport;
  return {
    edition: 'desktop',
    getAppInfo: () => invoke('app:info'),
    startTask: (taskId, place, request, shards) =>
      invoke('task:start', shards === undefined ? { taskId, place, request } : { taskId, place, request, shards }),
    cancelTask: (taskId) => invoke('task:cancel', { taskId }),
    startCrash: (taskId, place, mode) => invoke('task:crash', { taskId, place, mode }),
    onTaskEvent: (listener) => on('task:event', listener),
    onMetrics: (listener) => on('metrics', listener),
    // The page learns only that the main process answered, not its clock.
    ping: async () => {
      await invoke('ping');
    },
    openCompare: (setup) => invoke('compare:open', setup),
    startCompare: () => invoke('compare:start'),
    compareReady: (pane) => invoke('compare:ready', { pane }),
    reportCompare: (report) => invoke('compare:report', report),
    onComparePane: (listener) => on('compare:pane', listener),
    onCompareUpdate: (listener) => on('compare:update', listener),
    runLab: (scenario, params) => invoke('lab:run', { scenario, params }),
    echoData: (payload) => invoke('data:echo', { payload }),
    openDataPort: () => invoke('data:port'),
    startAudience: (options) => invoke('audience:start', options),
    audienceCommand: (command) => invoke('audience:command', command),
    stopAudience: () => invoke('audience:stop'),
    onAudienceState: (listener) => on('audience:state', listener),
    fetchMainTrace: (fromMs, toMs) => invoke('trace:window', { fromMs, toMs }),
    chromiumTrace: (action) => invoke('trace:chromium', { action }),
  };
}
