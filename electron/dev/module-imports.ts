import path from 'node:path';

/**
 * What a built JavaScript file loads: the specifiers of its static imports and re-exports,
 * dynamic `import('…')` with a literal, and `require('…')`. Built output only (Vite's), where
 * every import is one of these forms; comments and strings that merely look like imports are
 * not told apart, which errs on the side of checking more files.
 */
export function moduleSpecifiers(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bimport\s*(?:[\w*$\s{},]*?\s*from\s*)?["']([^"']+)["']/g,
    /\bexport\s*(?:\*|\{[^}]*\})\s*(?:as\s+[\w$]+\s*)?from\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) if (match[1]) found.add(match[1]);
  return [...found];
}

export interface ImportClosure {
  /** Every file reached through relative imports, entry included, as '/'-separated relative paths. */
  readonly files: string[];
  /** Bare specifiers (`node:path`, `electron`, a package name) met on the way. */
  readonly bare: string[];
}

/**
 * Follows relative imports from `entry` through `read` (a file system, or an asar archive), so a
 * test can ask where each file index.js loads really lives. Paths are POSIX, relative to a root.
 */
export function importClosure(entry: string, read: (file: string) => string): ImportClosure {
  const files = new Set<string>();
  const bare = new Set<string>();
  const pending = [path.posix.normalize(entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of moduleSpecifiers(read(file))) {
      if (specifier.startsWith('./') || specifier.startsWith('../')) {
        pending.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
      } else {
        bare.add(specifier);
      }
    }
  }
  return { files: [...files].sort(), bare: [...bare].sort() };
}
