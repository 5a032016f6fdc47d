import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { mainMetricsSchema } from '../../shared/host/main-metrics';
import { taskEventSchema, type TaskEvent } from '../../shared/host/task-event';
import { invokeChannels } from '../../shared/ipc/channels';

/**
 * The main process's wiring, run in plain Node against a stand-in for the `electron` module
 * (the real one cannot load here): what is registered, in which order, with which options.
 * The real thing is covered by e2e/electron.e2e.test.ts wherever Electron's binary exists.
 */

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const windows: FakeWindow[] = [];

  class FakeWebContents {
    static nextId = 1;
    readonly id = FakeWebContents.nextId++;
    destroyed = false;
    readonly send = vi.fn();
    readonly listeners = new Map<string, Listener>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }

  class FakeWindow {
    static getAllWindows = () => windows;
    readonly listeners = new Map<string, Listener>();
    readonly webContents = new FakeWebContents();
    loadedUrl = '';
    constructor(readonly options: Record<string, unknown>) {
      calls.push('new BrowserWindow');
      windows.push(this);
    }
    once(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    show = vi.fn();
    setBackgroundColor = vi.fn();
    isDestroyed = () => false;
    isVisible = () => false;
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }

  return {
    calls,
    appListeners,
    resolveReady,
    windows,
    FakeWebContents,
    electron: {
      app: {
        isPackaged: false,
        isReady: vi.fn(() => false),
        getName: () => 'Unfreeze',
        getPath: (name: string) => `/fake/${name}`,
        setPath: vi.fn((name: string, value: string) => calls.push(`setPath ${name} ${value}`)),
        setAboutPanelOptions: vi.fn(),
        requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
        on: (event: string, listener: Listener) => appListeners.set(event, listener),
        whenReady: () => ready,
        getVersion: () => '0.1.0',
        quit: vi.fn(),
        exit: vi.fn(),
        getAppMetrics: vi.fn(() => [
          {
            pid: 1,
            type: 'Browser',
            creationTime: 0,
            cpu: { percentCPUUsage: 2, idleWakeupsPerSecond: 0 },
            memory: { workingSetSize: 100, peakWorkingSetSize: 100 },
          },
        ]),
      },
      utilityProcess: { fork: vi.fn() },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
        registerSource: vi.fn(() => calls.push('registerSource')),
        handle: vi.fn((_scheme: string, _handler: (request: Request) => Promise<Response>) =>
          calls.push('protocol.handle'),
        ),
      },
      net: { fetch: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
        },
      },
      ipcMain: { handle: vi.fn((channel: string) => calls.push(`ipcMain.handle ${channel}`)) },
      BrowserWindow: FakeWindow,
      nativeTheme: { shouldUseDarkColors: true, themeSource: 'system', on: vi.fn(), off: vi.fn() },
      Menu: {
        buildFromTemplate: vi.fn((template: unknown) => ({ template })),
        setApplicationMenu: vi.fn(() => calls.push('setApplicationMenu')),
      },
      shell: { openExternal: vi.fn(() => Promise.resolve()) },
      dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 1 })) },
    },
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { electron } = fake;
const mainDir = path.dirname(fileURLToPath(new URL('./index.ts', import.meta.url)));

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL;
  await import('./index');
  // Development keeps its own user-data folder (and so its own lock): set before the lock is taken.
  expect(fake.calls).toEqual([
    'registerSchemesAsPrivileged',
    `setPath userData ${path.join('/fake/appData', 'Unfreeze (development)')}`,
    'requestSingleInstanceLock',
  ]);
  // macOS may activate the app before ready: no window may be made then.
  fake.appListeners.get('activate')?.();
  expect(fake.windows).toHaveLength(0);
  fake.resolveReady();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

describe('main process wiring', () => {
  it('registers the scheme privileges before ready, and serves files only after', () => {
    expect(fake.calls[0]).toBe('registerSchemesAsPrivileged');
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'unfreeze',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
      },
    ]);
    expect(electron.protocol.registerSource).toHaveBeenCalledWith('unfreeze', {
      routes: [
        {
          match: { host: 'app' },
          source: expect.objectContaining({ type: 'directory', root: path.join(mainDir, '../renderer') }),
        },
      ],
    });
    expect(electron.protocol.handle).not.toHaveBeenCalled();
  });

  it('opens one hardened window on the app scheme', () => {
    const [window] = fake.windows;
    expect(window?.loadedUrl).toBe('unfreeze://app/index.html');
    expect(window?.options).toMatchObject({
      width: 1280,
      height: 860,
      title: 'Unfreeze',
      show: false,
      backgroundColor: '#020617',
      webPreferences: {
        preload: path.join(mainDir, '../preload/index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });
    window?.listeners.get('ready-to-show')?.();
    expect(window?.show).toHaveBeenCalled();
  });

  it('denies every permission', () => {
    const ses = electron.session.defaultSession;
    const callback = vi.fn();
    const requestHandler = ses.setPermissionRequestHandler.mock.calls[0]?.[0] as unknown as Listener;
    requestHandler({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    const checkHandler = ses.setPermissionCheckHandler.mock.calls[0]?.[0] as unknown as Listener;
    expect(checkHandler({}, 'clipboard-read', 'unfreeze://app', {})).toBe(false);
  });

  it('hardens every web contents: no new windows, no foreign navigation', () => {
    const handlers = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    const contents = {
      id: 99,
      setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
      on: (event: string, listener: Listener) => handlers.set(event, listener),
    };
    fake.appListeners.get('web-contents-created')?.({}, contents);
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      handlers.get('will-frame-navigate')?.(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('unfreeze://app/index.html')).toBe(false);
    expect(handlers.has('will-redirect')).toBe(true);
    expect(handlers.has('will-attach-webview')).toBe(true);
    // And when it goes, crashes or loads another document, the tasks it started are cancelled.
    for (const event of ['destroyed', 'render-process-gone', 'did-navigate']) expect(handlers.has(event)).toBe(true);
  });

  it('answers app:info to our page and refuses anyone else', async () => {
    const call = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'app:info');
    const handler = (call as unknown as [string, Listener] | undefined)?.[1];
    expect(handler).toBeTypeOf('function');
    // Electron adds these to process.versions; plain Node has neither.
    const versions = process.versions as Record<string, string | undefined>;
    Object.assign(versions, { electron: '45.5.0', chrome: '146.0.0.0' });
    onTestFinished(() => {
      delete versions.electron;
      delete versions.chrome;
    });

    const fromOurPage = await handler?.({ senderFrame: { url: 'unfreeze://app/index.html' } });
    expect(fromOurPage).toEqual({
      ok: true,
      value: {
        appVersion: '0.1.0',
        electron: '45.5.0',
        chrome: '146.0.0.0',
        node: process.versions.node,
        platform: process.platform,
      },
    });

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(handler?.({ senderFrame: { url: 'https://evil.example/' } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    await expect(handler?.({ senderFrame: null })).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    await expect(handler?.({ senderFrame: { url: 'unfreeze://app/' } }, { rm: '-rf' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  const handlerOf = (channel: string) => {
    const call = electron.ipcMain.handle.mock.calls.find(([name]) => name === channel);
    const handler = (call as unknown as [string, Listener] | undefined)?.[1];
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler;
  };
  const fromOurPage = (sender: InstanceType<typeof fake.FakeWebContents>) => ({
    senderFrame: { url: 'unfreeze://app/index.html' },
    sender,
  });

  it('handles every channel of the map through the one wrapper, and spawns nothing up front', () => {
    const registered = electron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(registered.sort()).toEqual(Object.keys(invokeChannels).sort());
    expect(new Set(registered).size).toBe(registered.length);
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('answers a ping with the main process clock', async () => {
    const reply = (await handlerOf('ping')(fromOurPage(new fake.FakeWebContents()))) as {
      ok: boolean;
      value: { at: number };
    };
    expect(reply.ok).toBe(true);
    expect(reply.value.at).toBeGreaterThan(performance.timeOrigin);
  });

  it('runs a main-process task and sends its events to the window that started it, and only there', async () => {
    const starter = new fake.FakeWebContents();
    const bystander = new fake.FakeWebContents();
    const reply = await handlerOf('task:start')(fromOurPage(starter), {
      taskId: 'wired-1',
      place: 'main-process',
      request: { workload: 'primes', params: { limit: 20_000 } },
    });
    expect(reply).toEqual({ ok: true, value: undefined });
    await vi.waitFor(() =>
      expect(starter.send.mock.calls.some(([, event]) => (event as TaskEvent).type === 'end')).toBe(true),
    );
    const events = starter.send.mock.calls.map(([channel, event]) => {
      expect(channel).toBe('task:event');
      return taskEventSchema.parse(event);
    });
    expect(events.at(-1)).toMatchObject({
      type: 'end',
      taskId: 'wired-1',
      outcome: { status: 'done', result: { limit: 20_000, count: 2262 } },
    });
    expect(bystander.send).not.toHaveBeenCalled();
  });

  it("refuses bad parameters with the workload's own message, and a crash test from a foreign page", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sender = new fake.FakeWebContents();
    await expect(
      handlerOf('task:start')(fromOurPage(sender), {
        taskId: 'bad-1',
        place: 'worker-thread',
        request: { workload: 'primes', params: { limit: 1 } },
      }),
    ).resolves.toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message:
          'Invalid request for "task:start": Invalid Prime counting parameters: limit: limit must be a whole number from 2 to 100,000,000',
      },
    });
    await expect(
      handlerOf('task:crash')(
        { senderFrame: { url: 'https://evil.example/' }, sender },
        { taskId: 'c', place: 'utility-process', mode: 'crash' },
      ),
    ).resolves.toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
    expect(sender.send).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('sends valid metrics to every window a few times a second', async () => {
    const [window] = fake.windows;
    await vi.waitFor(
      () =>
        expect(
          window?.webContents.send.mock.calls.filter(([channel]) => channel === 'metrics').length,
        ).toBeGreaterThanOrEqual(2),
      {
        timeout: 2_000,
      },
    );
    const [, metrics] = window?.webContents.send.mock.calls.findLast(([channel]) => channel === 'metrics') ?? [];
    const parsed = mainMetricsSchema.parse(metrics);
    expect(parsed.processes).toEqual([{ pid: 1, type: 'Browser', name: 'Browser', cpuPercent: 2, memoryKB: 100 }]);
    expect(parsed.pools['worker-thread'].size).toBeGreaterThanOrEqual(1);
    expect(parsed.pools['utility-process'].lanes.every((lane) => lane.spawned === 0)).toBe(true);
  });
});

describe('menu and failures', () => {
  it('replaces Electron’s default menu with the app’s own, the About panel naming the versions', () => {
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const template = electron.Menu.buildFromTemplate.mock.calls[0]?.[0] as { label?: string }[];
    expect(template.map((item) => item.label)).toContain('Go');
    expect(electron.app.setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({ applicationName: 'Unfreeze' }),
    );
  });

  it('shows a window whose page fails to load, with an error page', async () => {
    const [window] = fake.windows;
    const failed = window?.webContents.listeners.get('did-fail-load');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    failed?.({}, -102, 'ERR_CONNECTION_REFUSED', 'unfreeze://app/index.html', true);
    await vi.waitFor(() => expect(window?.show).toHaveBeenCalled());
    expect(window?.loadedUrl).toMatch(/^data:text\/html/);
    error.mockRestore();
  });
});

describe('sendEvent', () => {
  const metrics = {
    at: 1,
    eventLoop: { p50: 0, p99: 0, max: 0 },
    pools: { 'worker-thread': { size: 1, queued: 0, lanes: [] }, 'utility-process': { size: 1, queued: 0, lanes: [] } },
    processes: [],
  };

  it('sends the payload as it is: the page checks what it relies on', async () => {
    const { sendEvent } = await import('./shell/ipc-main');
    const contents = new fake.FakeWebContents();
    const result = sendEvent(contents as never, 'metrics', metrics);
    expect(result).toEqual({ ok: true, value: true });
    expect(contents.send).toHaveBeenCalledWith('metrics', metrics);
  });

  it('skips a destroyed window, and reports a payload structured clone cannot copy', async () => {
    const { sendEvent } = await import('./shell/ipc-main');
    const gone = new fake.FakeWebContents();
    gone.destroyed = true;
    expect(sendEvent(gone as never, 'metrics', metrics)).toEqual({ ok: true, value: false });
    expect(gone.send).not.toHaveBeenCalled();
    const picky = new fake.FakeWebContents();
    picky.send.mockImplementation(() => {
      throw new Error('An object could not be cloned.');
    });
    expect(sendEvent(picky as never, 'metrics', metrics)).toEqual({
      ok: false,
      error: { code: 'bad-event', message: 'Could not send "metrics": An object could not be cloned.' },
    });
  });
});

describe('quitting', () => {
  it('holds the quit until the task host is disposed, then quits for real', async () => {
    const beforeQuit = fake.appListeners.get('before-quit');
    const event = { preventDefault: vi.fn() };
    beforeQuit?.(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    // The second round goes through: nothing is held any more.
    const again = { preventDefault: vi.fn() };
    beforeQuit?.(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});

describe('protocol.handle fallback', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'unfreeze-renderer-'));
  let respond: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Unfreeze</title>');
    electron.net.fetch.mockImplementation(async (url: string) => {
      try {
        return new Response(readFileSync(fileURLToPath(url)));
      } catch {
        return new Response(null, { status: 404 });
      }
    });
    const { serveAppFiles } = await import('./shell/app-protocol');
    const withoutSource = electron.protocol as { registerSource?: unknown };
    const registerSource = withoutSource.registerSource;
    delete withoutSource.registerSource;
    serveAppFiles(dir);
    withoutSource.registerSource = registerSource;
    const handler = electron.protocol.handle.mock.calls.at(-1)?.[1];
    if (!handler) throw new Error('serveAppFiles did not call protocol.handle');
    respond = handler;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves a file with the isolation and CSP headers', async () => {
    const response = await respond(new Request('unfreeze://app/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Unfreeze</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it.each([
    ['a missing file', 'unfreeze://app/nope.js', 'GET', 404],
    ['a traversal', 'unfreeze://app/..%2f..%2fetc%2fpasswd', 'GET', 403],
    ['a POST', 'unfreeze://app/index.html', 'POST', 405],
  ])('answers %s with %s', async (_label, url, method, status) => {
    const response = await respond(new Request(url, { method }));
    expect(response.status).toBe(status);
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });
});
