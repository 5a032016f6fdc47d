/**
 * Where the packaged renderer lives. A custom privileged scheme instead of file:// gives the page
 * a real origin (needed for the COOP/COEP headers behind SharedArrayBuffer) that no website can
 * share, which is also what the IPC sender check trusts.
 */
export const APP_SCHEME = 'unfreeze';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`. standard: relative URLs, storage and a
 * real origin; secure: a secure context (required for crossOriginIsolated); supportFetchAPI and
 * corsEnabled: fetch() and module workers; stream: media elements may stream.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  stream: true,
} as const;
