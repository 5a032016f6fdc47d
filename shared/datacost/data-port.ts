/**
 * How the page gets its MessagePort to the data-cost lab's utility process (ARCHITECTURE.md, "The
 * utility-process leg"). No zod here: the sandboxed preload imports these names, and it cannot
 * load zod (the page checks what arrives, renderer/src/lab/data-port.ts).
 *
 * 1. The page calls `openDataPort()` (invoke channel 'data:port').
 * 2. The main process makes a MessageChannelMain, gives one end to the utility process and sends
 *    the other to the calling window with webContents.postMessage on DATA_PORT_CHANNEL.
 * 3. The preload hands it on with window.postMessage({ unfreeze: DATA_PORT_TAG }, '*', [port]):
 *    contextBridge cannot pass a MessagePort, a window message can.
 */

/** The channel the main process posts the page's end on (webContents.postMessage → ipcRenderer.on). */
export const DATA_PORT_CHANNEL = 'data:port';

/** The tag of the window message that carries the port from the preload to the page. */
export const DATA_PORT_TAG = 'data-port';
