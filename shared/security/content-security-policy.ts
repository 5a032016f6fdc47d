/**
 * The app's Content-Security-Policy, one source for all three places that state it: the <meta>
 * tag of renderer/index.html (the web edition and the desktop app), the dev server's version of
 * that tag (renderer/vite.config.ts), and the header on every unfreeze://app response
 * (electron/main/app-files.ts). Only what the built app uses is allowed:
 *
 * - scripts, styles, workers, images, fetches: the app's own origin, nothing inline, no eval;
 *   React's style props and the meters' positions go through the CSSOM, which CSP does not
 *   govern, and Vite extracts every stylesheet into a file;
 * - frames: the app's own origin, and the web edition's two Compare panes, which are served from
 *   loopback names of their own so that each gets its own renderer process
 *   (shared/compare/pane-sites.ts);
 * - no plugins, no <base>, no form submission.
 *
 * Development needs two things more, and only there: Vite injects CSS as <style> elements, and
 * its hot reload talks to the dev server over a WebSocket on 127.0.0.1 / localhost.
 */
// .js: this file is read by renderer/vite.config.ts, whose loader wants extensions.
import { PANE_HOSTS } from '../compare/pane-sites.js';

export type PolicyMode = 'production' | 'development';

/** The directives, in the order they are written. */
export function cspDirectives(mode: PolicyMode): [string, string][] {
  const dev = mode === 'development';
  return [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['worker-src', "'self'"],
    ['style-src', dev ? "'self' 'unsafe-inline'" : "'self'"],
    ['img-src', "'self'"],
    ['frame-src', ["'self'", ...Object.values(PANE_HOSTS).map((host) => `http://${host}:*`)].join(' ')],
    ['connect-src', dev ? "'self' ws://127.0.0.1:* ws://localhost:*" : "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ];
}

/** For a <meta> tag (where browsers ignore frame-ancestors, and say so in the console). */
export function metaContentSecurityPolicy(mode: PolicyMode): string {
  return cspDirectives(mode)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/**
 * For the desktop app's response header: the production policy, no page may frame the app, and
 * the app frames only itself — its Compare uses two WebContentsViews, not the web edition's frames
 * of other loopback sites. Both policies apply, so the desktop page is held to the narrower one.
 */
export const HEADER_CONTENT_SECURITY_POLICY = `${metaContentSecurityPolicy('production').replace(
  /frame-src [^;]*/,
  "frame-src 'self'",
)}; frame-ancestors 'none'`;
/**
 * For the pages the audience server serves over plain http on the room's network
 * (electron/audience/): the production policy, with `connect-src` naming the server's own
 * WebSocket origin (`ws://host:port`) beside 'self', and no framing. Nothing else is loosened.
 */
export function audienceContentSecurityPolicy(webSocketOrigin: string): string {
  if (!/^ws:\/\/[^\s;,'"]+$/.test(webSocketOrigin)) throw new Error(`not a ws:// origin: ${webSocketOrigin}`);
  return (
    cspDirectives('production')
      // The audience pages frame nothing of other sites: Compare's loopback panes are the web edition's.
      .map(([name, value]) => [name, name === 'frame-src' ? "'self'" : value] as const)
      .map(([name, value]) => `${name} ${name === 'connect-src' ? `${value} ${webSocketOrigin}` : value}`)
      .concat("frame-ancestors 'none'")
      .join('; ')
  );
}
