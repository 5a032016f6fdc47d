import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { serveWebEdition } from './web-edition';

export interface WebEditionSuite {
  readonly browser: Browser;
  /** The served web edition, ending in "/". */
  readonly url: string;
}

/**
 * For a test file (or describe block): serves the built web edition and launches Chromium once
 * before its tests, and closes both after them.
 */
export function webEditionSuite(): WebEditionSuite {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveWebEdition>> | undefined;
  beforeAll(async () => {
    server = await serveWebEdition();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('webEditionSuite is used before its beforeAll ran');
    return value;
  };
  return {
    get browser() {
      return ready(browser);
    },
    get url() {
      return ready(server).url;
    },
  };
}
