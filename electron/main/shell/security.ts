import type { Session, WebContents } from 'electron';
import { permissionAllowed } from '../permission-policy';
import { isTrustedUrl } from '../trusted-sender';

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

/** Refuses every permission except the two presenter mode needs, for the app's own pages. */
export function restrictPermissions(session: Session, trustedOrigins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl, trustedOrigins)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin, trustedOrigins),
  );
  session.setDevicePermissionHandler(() => false);
}
