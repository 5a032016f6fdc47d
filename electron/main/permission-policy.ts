import { isTrustedUrl } from './trusted-sender';

/**
 * The only permissions the app's own pages get: presenter mode's full screen and "Copy summary"
 * (writing sanitised text to the clipboard). Everything else — camera, geolocation, reading the
 * clipboard, notifications — is refused, and so is any request from another origin.
 */
const ALLOWED = new Set(['fullscreen', 'clipboard-sanitized-write']);

export function permissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  trustedOrigins: readonly string[],
): boolean {
  return ALLOWED.has(permission) && isTrustedUrl(requestingUrl, trustedOrigins);
}
