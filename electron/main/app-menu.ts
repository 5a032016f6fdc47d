/**
 * The application menu, as data: which items, in which order, with which accelerators. Kept free
 * of Electron so it is tested in plain Node; window.ts turns it into a Menu. The shapes below are
 * the subset of Electron's MenuItemConstructorOptions this menu uses.
 */
import { SCREENS, type ScreenId } from '../../shared/screens';

export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'windowMenu';

export interface MenuItemSpec {
  readonly label?: string;
  readonly role?: MenuRole;
  readonly type?: 'normal' | 'separator' | 'checkbox' | 'radio' | 'submenu';
  readonly accelerator?: string;
  readonly checked?: boolean;
  readonly id?: string;
  readonly submenu?: MenuItemSpec[];
  readonly click?: (item: { readonly checked: boolean }) => void;
}

export type ThemeSource = 'system' | 'light' | 'dark';

export interface AppMenuOptions {
  readonly platform: string;
  readonly appName: string;
  /** Reload and developer tools: only while developing. */
  readonly development: boolean;
  readonly theme: ThemeSource;
  /** Where Help → the project's page goes (opened in the user's browser). */
  readonly helpUrl: string;
  readonly actions: {
    openScreen(screen: ScreenId): void;
    setPresenter(on: boolean): void;
    setTheme(theme: ThemeSource): void;
    openHelp(url: string): void;
  };
}

const separator: MenuItemSpec = { type: 'separator' };

/** The app's own menu in place of Electron's default one. */
export function appMenuTemplate(options: AppMenuOptions): MenuItemSpec[] {
  const { platform, appName, development, theme, helpUrl, actions } = options;
  const mac = platform === 'darwin';
  const about: MenuItemSpec = { role: 'about', label: `About ${appName}` };

  const appMenu: MenuItemSpec = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemSpec = { label: 'File', submenu: [{ role: 'close' }, separator, { role: 'quit' }] };
  const editMenu: MenuItemSpec = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const goMenu: MenuItemSpec = {
    label: 'Go',
    submenu: SCREENS.map((screen, index) => ({
      label: screen.label,
      id: `screen-${screen.id}`,
      accelerator: `CmdOrCtrl+${index + 1}`,
      click: () => actions.openScreen(screen.id),
    })),
  };
  const themes: { readonly source: ThemeSource; readonly label: string }[] = [
    { source: 'system', label: 'Follow the system' },
    { source: 'light', label: 'Light' },
    { source: 'dark', label: 'Dark' },
  ];
  const viewMenu: MenuItemSpec = {
    label: 'View',
    submenu: [
      {
        label: 'Presenter mode',
        id: 'presenter',
        type: 'checkbox',
        checked: false,
        accelerator: 'CmdOrCtrl+Shift+P',
        click: (item) => actions.setPresenter(item.checked),
      },
      {
        label: 'Theme',
        submenu: themes.map(({ source, label }, index) => ({
          label,
          id: `theme-${source}`,
          type: 'radio' as const,
          checked: source === theme,
          accelerator: `CmdOrCtrl+Alt+${index + 1}`,
          click: () => actions.setTheme(source),
        })),
      },
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(development ? [separator, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const helpMenu: MenuItemSpec = {
    label: 'Help',
    submenu: [
      { label: `${appName} on the web`, id: 'help', accelerator: 'F1', click: () => actions.openHelp(helpUrl) },
      ...(mac ? [] : [separator, about]),
    ],
  };
  return mac
    ? [appMenu, editMenu, goMenu, viewMenu, { role: 'windowMenu' }, helpMenu]
    : [fileMenu, editMenu, goMenu, viewMenu, helpMenu];
}

export interface AboutInfo {
  readonly appName: string;
  readonly appVersion: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
  readonly platform: string;
}

/**
 * app.setAboutPanelOptions: the app's version and the Electron, Chromium and Node versions it runs
 * on — what a workshop asks first. macOS shows `version` in brackets and Windows `credits`; Linux
 * shows neither, so there the versions go into the application version line.
 */
export function aboutPanelOptions(info: AboutInfo): {
  applicationName: string;
  applicationVersion: string;
  version?: string;
  credits?: string;
  copyright: string;
} {
  const runtime = `Electron ${info.electron} · Chromium ${info.chrome} · Node ${info.node}`;
  const base = { applicationName: info.appName, copyright: 'The Unfreeze team · MIT licence' };
  if (info.platform === 'linux') return { ...base, applicationVersion: `${info.appVersion} (${runtime})` };
  return { ...base, applicationVersion: info.appVersion, version: `Electron ${info.electron}`, credits: runtime };
}

/** The start URL with `?screen=<id>` (and the presenter flag): the same deep links a browser uses. */
export function screenUrl(startUrl: string, screen: ScreenId, presenter = false): string {
  const url = new URL(startUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('screen', screen);
  if (presenter) url.searchParams.set('presenter', '1');
  return url.toString();
}

/** Help links open in the user's browser: only https, never a file or a custom scheme. */
export function isHelpUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
