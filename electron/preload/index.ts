import { contextBridge } from 'electron';
import { createUnfreezeApi } from '../../shared/ipc/create-unfreeze-api';
import { forwardDataPorts, invoke, on } from './ipc-renderer';

// The preload is only glue: the API itself is the pure factory (shared/ipc/create-unfreeze-api.ts),
// here over ipcRenderer. The page gets these functions, never ipcRenderer itself.
contextBridge.exposeInMainWorld('unfreeze', createUnfreezeApi({ invoke, on }));
forwardDataPorts();
