import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { buildDesktopEntries } from './desktop-entries';
import { DELIVER_EVENTS, INVOKE_BINDING, type DeliveredEvent, type DeliverEvents } from './desktop-page-contract';
import { fromMainSideSchema, type MainSideState, type ToMainSide } from './desktop-wire';
import { serveWebEdition } from './web-edition';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN_SIDE = resolve(import.meta.dirname, 'desktop-main-side.ts');
const PRELOAD = resolve(import.meta.dirname, 'desktop-preload.ts');

/** One page of the desktop app: a BrowserWindow's (or a compare pane's) WebContents. */
export interface DesktopWindow {
  readonly page: Page;
  /** The id the main side knows this page by (WebContents.id in the app). */
  readonly senderId: number;
  /** Uncaught errors and console errors of the page. */
  readonly errors: string[];
}

export interface DesktopHarness {
  /** The served renderer, ending in "/". */
  readonly url: string;
  /** The preload stand-in as installed in every page. */
  readonly preloadSource: string;
  readonly mainSidePid: number;
  /** Opens a window (createMainWindow in window.ts) at `url` + `query`, or at an absolute URL. */
  openWindow(query?: string, options?: { absoluteUrl?: string }): Promise<DesktopWindow>;
  /** A pane of the compare window, once the Compare screen has opened it. */
  comparePane(pane: 'left' | 'right', timeoutMs?: number): Promise<DesktopWindow>;
  /** What runs on the main side now: threads, processes, routed tasks, cancel latencies. */
  inspect(): Promise<MainSideState>;
  close(): Promise<void>;
}

/** The preload stand-in, bundled for the page like electron-vite bundles the real one. */
async function bundlePreload(): Promise<string> {
  const result = await build({
    entryPoints: [PRELOAD],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('esbuild produced no preload bundle');
  return code;
}

/** The main side in its own process (see desktop-main-side.ts), once it says it is ready. */
function forkMainSide(): { child: ChildProcess; ready: Promise<number> } {
  const child = fork(MAIN_SIDE, [], {
    execArgv: ['--import', 'tsx'],
    // Typed arrays (tile pixels) survive the copy, as with Electron's structured clone.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<number>((resolvePid, reject) => {
    const onMessage = (raw: unknown) => {
      const parsed = fromMainSideSchema.safeParse(raw);
      if (parsed.success && parsed.data.type === 'ready') {
        child.off('message', onMessage);
        resolvePid(parsed.data.pid);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`The main side exited with code ${code} before it was ready`)));
  });
  return { child, ready };
}

/**
 * The desktop app in plain Chromium: the built renderer, served; `window.unfreeze` in each page
 * from the preload's factory over a Playwright binding; and the main side in a child process
 * (desktop-main-side.ts). Stand-ins, and nothing else: BrowserWindow (a Playwright page in a
 * browser context, i.e. a Chromium window, of its own), contextBridge (a frozen property set by
 * an init script) and Electron's IPC (the binding, the child's IPC pipe, page.evaluate for events).
 */
export async function startDesktopHarness(): Promise<DesktopHarness> {
  const server = await serveWebEdition();
  const cleanups: (() => Promise<void> | void)[] = [() => server.close()];
  try {
    const browser: Browser = await launchChromium();
    cleanups.push(() => browser.close());
    const entries = await buildDesktopEntries();
    cleanups.push(() => entries.cleanup());
    const preloadSource = await bundlePreload();
    const { child, ready } = forkMainSide();
    cleanups.push(() => stopMainSide(child));
    const send = (message: ToMainSide) => {
      if (child.connected) child.send(message);
    };
    const origin = new URL(server.url).origin;
    const appVersion = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    send({
      type: 'configure',
      config: {
        trustedOrigins: [origin],
        threadEntry: entries.thread,
        processEntry: entries.process,
        processExecArgv: [],
        labThreadEntry: entries.labThread,
        chromeVersion: browser.version(),
        appVersion,
        // Two workers per pool, whatever the machine: the tests need a second lane (a bystander
        // beside a broken worker, a colour per worker), and two is what a 2-core machine gets.
        poolSize: 2,
      },
    });
    const mainSidePid = await ready;
    return connect({ url: server.url, browser, child, send, preloadSource, mainSidePid, cleanups });
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup();
    throw error;
  }
}

async function stopMainSide(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  if (child.connected) child.send({ type: 'stop' } satisfies ToMainSide);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

interface Parts {
  readonly url: string;
  readonly browser: Browser;
  readonly child: ChildProcess;
  readonly send: (message: ToMainSide) => void;
  readonly preloadSource: string;
  readonly mainSidePid: number;
  readonly cleanups: (() => Promise<void> | void)[];
}

function connect(parts: Parts): DesktopHarness {
  const { url, browser, child, send, preloadSource } = parts;
  const windows = new Map<number, DesktopWindow>();
  const panes = new Map<'left' | 'right', Promise<DesktopWindow>>();
  const pending = new Map<number, (value: unknown) => void>();
  let nextCall = 0;
  let nextWindow = 1;

  /** Events for one page leave in order, in batches: one page.evaluate per turn of the loop. */
  const outbox = new Map<number, { queued: DeliveredEvent[]; chain: Promise<void> }>();
  const deliver = (senderId: number, event: DeliveredEvent) => {
    let box = outbox.get(senderId);
    if (!box) outbox.set(senderId, (box = { queued: [], chain: Promise.resolve() }));
    box.queued.push(event);
    if (box.queued.length > 1) return;
    const target = box;
    setImmediate(() => {
      const batch = target.queued;
      target.queued = [];
      target.chain = target.chain.then(() => evaluateDelivery(senderId, batch));
    });
  };
  const evaluateDelivery = async (senderId: number, batch: DeliveredEvent[]) => {
    const page = windows.get(senderId)?.page;
    // Like webContents.send to a page that is not there (yet, or any more): nothing arrives.
    if (!page || page.isClosed()) return;
    await page
      .evaluate(
        ([name, events]) => {
          const hook = (globalThis as unknown as Record<string, DeliverEvents | undefined>)[name];
          if (typeof hook === 'function') hook(events);
        },
        [DELIVER_EVENTS, batch] as const,
      )
      // A page navigating or closing drops what was on its way, as a WebContents would.
      .catch(() => {});
  };

  const call = <T>(message: (callId: number) => ToMainSide): Promise<T> =>
    new Promise<T>((answer, reject) => {
      if (!child.connected) return reject(new Error('The main side is not running'));
      const callId = nextCall++;
      pending.set(callId, (value) => answer(value as T));
      send(message(callId));
    });

  const openPage = async (senderId: number, address: string): Promise<DesktopWindow> => {
    // A window of its own for every page, as every BrowserWindow (and each compare pane) is shown
    // at once: Chromium draws a tab behind another at a few frames a second, which would throttle
    // the page's meters. A browser context is such a window. Unlike Electron's windows, they share
    // no storage; the app keeps only its theme there.
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // ipcRenderer.invoke's stand-in: the frame's URL is the sender URL the dispatcher checks.
    await page.exposeBinding(INVOKE_BINDING, (source, channel: unknown, ...args: unknown[]) =>
      call<unknown>((callId) => ({
        type: 'invoke',
        callId,
        senderId,
        senderUrl: source.frame.url() || null,
        channel: typeof channel === 'string' ? channel : String(channel),
        args,
      })),
    );
    await page.addInitScript({ content: preloadSource });
    page.on('close', () => {
      void context.close();
      windows.delete(senderId);
      send({ type: 'gone', senderId });
    });
    const window: DesktopWindow = { page, senderId, errors };
    windows.set(senderId, window);
    await page.goto(address);
    return window;
  };

  child.on('message', (raw: unknown) => {
    const parsed = fromMainSideSchema.safeParse(raw);
    if (!parsed.success) {
      console.error(`[desktop harness] refused a malformed message from the main side: ${parsed.error.message}`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'reply':
      case 'state': {
        const answer = pending.get(message.callId);
        pending.delete(message.callId);
        answer?.(message.type === 'reply' ? message.result : message.state);
        return;
      }
      case 'event':
        return deliver(message.senderId, { channel: message.channel, payload: message.payload });
      case 'open-compare':
        // compare-window.ts: each pane loads the start URL with ?screen=compare&pane=left|right.
        for (const [pane, id] of [
          ['left', message.left],
          ['right', message.right],
        ] as const) {
          panes.set(pane, openPage(id, `${url}?screen=compare&pane=${pane}`));
        }
        return;
      case 'ready':
        return;
    }
  });

  return {
    url,
    preloadSource,
    mainSidePid: parts.mainSidePid,
    async openWindow(query = '', options = {}) {
      const senderId = nextWindow++;
      send({ type: 'window', senderId });
      return openPage(senderId, options.absoluteUrl ?? url + query);
    },
    async comparePane(pane, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const opened = panes.get(pane);
        if (opened) return opened;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`The compare window's ${pane} pane never opened`);
    },
    inspect: () => call<MainSideState>((callId) => ({ type: 'inspect', callId })),
    async close() {
      await Promise.all([...windows.values()].map((w) => w.page.close().catch(() => {})));
      for (const cleanup of parts.cleanups.reverse()) await cleanup();
    },
  };
}
