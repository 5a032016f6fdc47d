import type { Session, WebContents } from 'electron';
import { isTrustedUrl } from './trusted-sender';

/**
 * The page never needs a new window, a foreign page, a <webview> or a device permission, so all
 * of them are refused: whatever script ends up in the renderer, it cannot leave the app's origin.
 */
export function hardenWebContents(contents: WebContents, trustedOrigins: readonly string[]): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // will-frame-navigate is will-navigate for the main frame *and* every subframe.
  contents.on('will-frame-navigate', (event) => {
    if (!isTrustedUrl(event.url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
