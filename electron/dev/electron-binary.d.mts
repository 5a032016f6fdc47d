export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export interface FindElectronBinaryOptions {
  /** Environment to read ELECTRON_EXEC_PATH / ELECTRON_OVERRIDE_DIST_PATH from; process.env by default. */
  env?: Record<string, string | undefined>;
  /** The electron package's folder; resolved from node_modules by default. */
  electronDir?: string;
  platform?: string;
}

export function platformExecutable(platform?: string): string;
export function findElectronBinary(options?: FindElectronBinaryOptions): ElectronBinary;
