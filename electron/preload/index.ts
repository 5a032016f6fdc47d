import { contextBridge } from 'electron';
import type { UnfreezeApi } from './api';
import { invoke, on } from './ipc-renderer';

/**
 * A small, task-shaped API instead of ipcRenderer itself: the page can call exactly these
 * functions and nothing else in the main process. Arguments are passed on as they are; the main
 * process validates every one of them (the page is not trusted to respect these types).
 */
const api: UnfreezeApi = {
  edition: 'desktop',
  getAppInfo: () => invoke('app:info'),
  startTask: (taskId, place, request, shards) =>
    invoke('task:start', shards === undefined ? { taskId, place, request } : { taskId, place, request, shards }),
  cancelTask: (taskId) => invoke('task:cancel', { taskId }),
  startCrash: (taskId, place, mode) => invoke('task:crash', { taskId, place, mode }),
  onTaskEvent: (listener) => on('task:event', listener),
  onMetrics: (listener) => on('metrics', listener),
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
};

contextBridge.exposeInMainWorld('unfreeze', api);
