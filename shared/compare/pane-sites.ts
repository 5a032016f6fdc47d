// Types only: the Content-Security-Policy (and so the Vite config) reads PANE_HOSTS without zod.
import type { Pane } from './compare-protocol';

/**
 * Where the web edition's Compare panes are served from (ARCHITECTURE.md, "Compare").
 *
 * Frames of one site share one renderer process, so one main thread: a pane that blocks it
 * freezes the other pane too. Chromium's site isolation gives a frame of *another site* a
 * process of its own (a site is the scheme plus the registrable domain; a name without one,
 * such as `left.localhost`, is a site by itself). So each pane gets a loopback name of its own:
 * `left.localhost` and `right.localhost`, which browsers resolve to this computer without asking
 * DNS, and which the same server answers. Two panes both on `localhost` would share a process
 * with each other; that is why there are two names.
 *
 * This only works where the page itself is on this computer (a loopback address) over http; a
 * page from anywhere else keeps its panes on its own origin and says they share its thread.
 */
export const PANE_HOSTS: Readonly<Record<Pane, string>> = { left: 'left.localhost', right: 'right.localhost' };

/** The parts of a location this needs (a `Location` or `URL` has them). */
export interface SiteLocation {
  /** "http:" */
  readonly protocol: string;
  /** "127.0.0.1", "localhost", "[::1]" */
  readonly hostname: string;
  /** "5173", or "" for the scheme's default port. */
  readonly port: string;
}

export interface PaneSite {
  readonly pane: Pane;
  /** The origin the pane document is loaded from. */
  readonly origin: string;
  /** Whether that is another site than the page's, so the browser may give the pane its own process. */
  readonly ownSite: boolean;
}

const originOf = (l: SiteLocation) => `${l.protocol}//${l.hostname}${l.port ? `:${l.port}` : ''}`;

/** Names that always mean this computer: 127.0.0.0/8, ::1, localhost and its subdomains (RFC 6761). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** Whether this page can serve its panes from sites of their own (see the file comment). */
export function canSeparatePanes(page: SiteLocation): boolean {
  return page.protocol === 'http:' && isLoopbackHost(page.hostname);
}

/**
 * Each pane's origin for a page at `page`: its own loopback name on the same port when
 * `separate` is asked for and possible, otherwise the page's own origin.
 */
export function paneSites(page: SiteLocation, separate: boolean): Readonly<Record<Pane, PaneSite>> {
  const split = separate && canSeparatePanes(page);
  const site = (pane: Pane): PaneSite => {
    const hostname = split ? PANE_HOSTS[pane] : page.hostname;
    return { pane, origin: originOf({ ...page, hostname }), ownSite: hostname !== page.hostname };
  };
  return { left: site('left'), right: site('right') };
}

const ORIGIN = /^(https?:)\/\/([^/:?#[\]]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/** An origin string's parts, or null for anything that is not a plain http(s) origin. */
export function parseOrigin(origin: string): SiteLocation | null {
  const m = ORIGIN.exec(origin);
  if (!m) return null;
  return { protocol: (m[1] ?? '').toLowerCase(), hostname: (m[2] ?? '').toLowerCase(), port: m[3] ?? '' };
}

/**
 * Whether a pane at `pane` takes commands from a page at `controller`: a page of its own origin,
 * or — for a pane on one of the pane names — a loopback page on the same scheme and port, which
 * is the only page that frames it there. Any other page (another port, another computer) is not
 * heard.
 */
export function trustsController(pane: SiteLocation, controller: string): boolean {
  const c = parseOrigin(controller);
  if (!c) return false;
  if (originOf(c) === originOf(pane)) return true;
  const onPaneName = Object.values(PANE_HOSTS).includes(pane.hostname.toLowerCase());
  return onPaneName && isLoopbackHost(c.hostname) && c.protocol === pane.protocol && c.port === pane.port;
}
