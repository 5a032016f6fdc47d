import { APP_ORIGIN } from './app-url';

/**
 * The origins whose pages may call the app's IPC and be navigated to: the custom scheme, plus the
 * electron-vite dev server while developing. A packaged app must pass no dev URL, otherwise an
 * environment variable could make it trust (and load) any site.
 */
export function trustedOrigins(devServerUrl?: string): readonly string[] {
  const origins = [APP_ORIGIN];
  const dev = devServerUrl ? originOf(devServerUrl) : undefined;
  if (dev) origins.push(dev);
  return origins;
}

/** True when `url` belongs to one of `origins`. Anything unparsable is untrusted. */
export function isTrustedUrl(url: string | undefined, origins: readonly string[]): boolean {
  if (!url) return false;
  const origin = originOf(url);
  return origin !== undefined && origins.includes(origin);
}

/**
 * scheme://host[:port], built by hand because WHATWG `URL.origin` is the opaque "null" for
 * schemes it does not know, such as ours. Credentials in the URL make it untrusted outright.
 */
function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username || parsed.password || !parsed.host) return undefined;
  return `${parsed.protocol}//${parsed.host}`;
}
