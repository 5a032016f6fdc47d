import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';

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

  class FakeWindow {
    static getAllWindows = () => windows;
    readonly listeners = new Map<string, Listener>();
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
    electron: {
      app: {
        isPackaged: false,
        requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
        on: (event: string, listener: Listener) => appListeners.set(event, listener),
        whenReady: () => ready,
        getVersion: () => '0.1.0',
        quit: vi.fn(),
        exit: vi.fn(),
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
        registerSource: vi.fn(() => calls.push('registerSource')),
        handle: vi.fn((_scheme: string, _handler: (request: Request) => Promise<Response>) => calls.push('protocol.handle')),
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
      nativeTheme: { shouldUseDarkColors: true, on: vi.fn(), off: vi.fn() },
    },
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { electron } = fake;
const mainDir = path.dirname(fileURLToPath(new URL('./index.ts', import.meta.url)));

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL;
  await import('./index');
  expect(fake.calls).toEqual(['registerSchemesAsPrivileged', 'requestSingleInstanceLock']);
  fake.resolveReady();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

describe('main process wiring', () => {
  it('registers the scheme privileges before ready, and serves files only after', () => {
    expect(fake.calls[0]).toBe('registerSchemesAsPrivileged');
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'unfreeze', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
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
      value: { appVersion: '0.1.0', electron: '45.5.0', chrome: '146.0.0.0', node: process.versions.node, platform: process.platform },
    });

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(handler?.({ senderFrame: { url: 'https://evil.example/' } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    await expect(handler?.({ senderFrame: null })).resolves.toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    await expect(handler?.({ senderFrame: { url: 'unfreeze://app/' } }, { rm: '-rf' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
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
    const { serveAppFiles } = await import('./app-protocol');
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
