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
  startTask: (taskId, place, request) => invoke('task:start', { taskId, place, request }),
  cancelTask: (taskId) => invoke('task:cancel', { taskId }),
  crashTest: (taskId, place, mode) => invoke('task:crash', { taskId, place, mode }),
  onTaskEvent: (listener) => on('task:event', listener),
  onMetrics: (listener) => on('metrics', listener),
  ping: async () => {
    await invoke('ping');
  },
};

contextBridge.exposeInMainWorld('unfreeze', api);
