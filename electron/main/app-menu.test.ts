import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../shared/screens';
import {
  aboutPanelOptions,
  appMenuTemplate,
  isHelpUrl,
  screenUrl,
  type AppMenuOptions,
  type MenuItemSpec,
} from './app-menu';

function options(overrides: Partial<AppMenuOptions> = {}) {
  const calls: string[] = [];
  const base: AppMenuOptions = {
    platform: 'linux',
    appName: 'Unfreeze',
    development: false,
    theme: 'system',
    helpUrl: 'https://example.org/unfreeze',
    actions: {
      openScreen: (screen) => calls.push(`screen:${screen}`),
      setPresenter: (on) => calls.push(`presenter:${on}`),
      setTheme: (theme) => calls.push(`theme:${theme}`),
      openHelp: (url) => calls.push(`help:${url}`),
    },
  };
  return { options: { ...base, ...overrides }, calls };
}

/** Every item of the menu, depth first. */
function flatten(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}
const byId = (items: readonly MenuItemSpec[], id: string) => {
  const found = flatten(items).find((item) => item.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
};

describe('appMenuTemplate', () => {
  it('offers the six screens in the tab order, on CmdOrCtrl+1…6, each opening its deep link', () => {
    const { options: o, calls } = options();
    const menu = appMenuTemplate(o);
    const go = menu.find((item) => item.label === 'Go');
    expect(go?.submenu?.map((item) => item.label)).toEqual(SCREENS.map((screen) => screen.label));
    expect(go?.submenu?.map((item) => item.accelerator)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `CmdOrCtrl+${n}`));
    for (const item of go?.submenu ?? []) item.click?.({ checked: false });
    expect(calls).toEqual(SCREENS.map((screen) => `screen:${screen.id}`));
  });

  it('has presenter mode, the theme, full screen and help, each with a key', () => {
    const { options: o, calls } = options({ theme: 'dark' });
    const menu = appMenuTemplate(o);
    const presenter = byId(menu, 'presenter');
    expect(presenter).toMatchObject({ type: 'checkbox', accelerator: 'CmdOrCtrl+Shift+P' });
    presenter.click?.({ checked: true });
    const themes = ['system', 'light', 'dark'].map((theme) => byId(menu, `theme-${theme}`));
    expect(themes.map((item) => item.checked)).toEqual([false, false, true]);
    expect(themes.every((item) => item.type === 'radio' && item.accelerator)).toBe(true);
    themes[1]?.click?.({ checked: true });
    byId(menu, 'help').click?.({ checked: false });
    expect(calls).toEqual(['presenter:true', 'theme:light', 'help:https://example.org/unfreeze']);
    expect(flatten(menu).find((item) => item.role === 'togglefullscreen')?.accelerator).toBe('F11');
  });

  it('follows each platform’s convention: an app menu and a Window menu on macOS, File and Help → About elsewhere', () => {
    const mac = appMenuTemplate(options({ platform: 'darwin' }).options);
    expect(mac.map((item) => item.label ?? item.role)).toEqual([
      'Unfreeze',
      'Edit',
      'Go',
      'View',
      'windowMenu',
      'Help',
    ]);
    expect(mac[0]?.submenu?.[0]).toMatchObject({ role: 'about', label: 'About Unfreeze' });
    expect(flatten(mac).find((item) => item.role === 'togglefullscreen')?.accelerator).toBe('Ctrl+Cmd+F');

    const windows = appMenuTemplate(options({ platform: 'win32' }).options);
    expect(windows.map((item) => item.label)).toEqual(['File', 'Edit', 'Go', 'View', 'Help']);
    expect(windows.at(-1)?.submenu?.some((item) => item.role === 'about')).toBe(true);
  });

  it('shows reload and developer tools only while developing', () => {
    const roles = (development: boolean) =>
      flatten(appMenuTemplate(options({ development }).options)).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('gives every accelerator to one item only', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const keys = flatten(appMenuTemplate(options({ platform, development: true }).options))
        .map((item) => item.accelerator)
        .filter((key) => key !== undefined);
      expect(new Set(keys).size, platform).toBe(keys.length);
    }
  });
});

describe('aboutPanelOptions', () => {
  const info = { appName: 'Unfreeze', appVersion: '0.1.0', electron: '45.5.0', chrome: '142.0', node: '22.20.0' };

  it('names the app, its version and the Electron, Chromium and Node it runs on', () => {
    const mac = aboutPanelOptions({ ...info, platform: 'darwin' });
    expect(mac).toMatchObject({ applicationName: 'Unfreeze', applicationVersion: '0.1.0', version: 'Electron 45.5.0' });
    expect(mac.credits).toBe('Electron 45.5.0 · Chromium 142.0 · Node 22.20.0');
    // Linux's panel shows only the version line, so the versions go there.
    const linux = aboutPanelOptions({ ...info, platform: 'linux' });
    expect(linux.applicationVersion).toBe('0.1.0 (Electron 45.5.0 · Chromium 142.0 · Node 22.20.0)');
  });
});

describe('screenUrl', () => {
  it('puts the screen (and presenter mode) on the start URL, dropping what was there', () => {
    expect(screenUrl('unfreeze://app/index.html', 'lab')).toBe('unfreeze://app/index.html?screen=lab');
    expect(screenUrl('http://localhost:5173/?screen=lab#x', 'workshop', true)).toBe(
      'http://localhost:5173/?screen=workshop&presenter=1',
    );
  });
});

describe('isHelpUrl', () => {
  it('accepts https only', () => {
    expect(isHelpUrl('https://example.org/')).toBe(true);
    for (const url of ['http://example.org/', 'file:///etc/passwd', 'unfreeze://app/', 'javascript:alert(1)', 'nope']) {
      expect(isHelpUrl(url), url).toBe(false);
    }
  });
});
