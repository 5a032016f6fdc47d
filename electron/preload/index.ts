import { contextBridge } from 'electron';
import type { UnfreezeApi } from './api';
import { invoke } from './ipc-renderer';

/**
 * A small, task-shaped API instead of ipcRenderer itself: the page can call exactly these
 * functions and nothing else in the main process.
 */
const api: UnfreezeApi = {
  edition: 'desktop',
  getAppInfo: () => invoke('app:info'),
};

contextBridge.exposeInMainWorld('unfreeze', api);
