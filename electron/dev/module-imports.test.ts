import { describe, expect, it } from 'vitest';
import { importClosure, moduleSpecifiers } from './module-imports';

describe('moduleSpecifiers', () => {
  it('finds static, re-exported, dynamic and required modules — the forms Vite emits', () => {
    const code = [
      'import path from "node:path";',
      "import { a as b, c } from './chunks/x-1.js';",
      'import "./side-effect.js";',
      "export * from '../shared.js';",
      'export { d } from "./d.js";',
      "const later = await import('./lazy.js');",
      'const zod = require("zod");',
      'const notAnImport = importer("./nope.js");',
    ].join('\n');
    expect(moduleSpecifiers(code).sort()).toEqual(
      ['../shared.js', './chunks/x-1.js', './d.js', './lazy.js', './side-effect.js', 'node:path', 'zod'].sort(),
    );
  });
});

describe('importClosure', () => {
  it('follows relative imports across folders, once each, and keeps bare ones apart', () => {
    const files: Record<string, string> = {
      'out/main/index.js': "import { x } from './workers/chunks/shared.js'; import 'electron';",
      'out/main/workers/chunks/shared.js': "import '../../index.js'; import { z } from 'zod';",
    };
    const read = (file: string) => {
      const code = files[file];
      if (code === undefined) throw new Error(`no such file: ${file}`);
      return code;
    };
    expect(importClosure('out/main/index.js', read)).toEqual({
      files: ['out/main/index.js', 'out/main/workers/chunks/shared.js'],
      bare: ['electron', 'zod'],
    });
  });
});
