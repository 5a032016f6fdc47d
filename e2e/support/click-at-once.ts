import type { Page } from 'playwright-core';

/**
 * Clicks the button named `start`, then the button named `then` the very moment it is enabled:
 * a MutationObserver runs right after the render that enabled it, before any frame is painted,
 * which is sooner than a person (or Playwright's own click, which waits for the element to be
 * stable) could click. Buttons are named by aria-label, else by their text. Returns what
 * `[data-testid=<statusId>]`'s `attribute` said at the moment of the second click.
 */
export async function clickAtOnce(
  page: Page,
  start: string,
  then: string,
  status: { readonly id: string; readonly attribute: string },
): Promise<string | null> {
  // A string, not a function: the test runner's transform would rewrite a function's body.
  const script = `new Promise((resolve, reject) => {
    const named = (name) => [...document.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name);
    const startButton = named(${JSON.stringify(start)});
    if (!startButton || startButton.disabled) return reject(new Error('no enabled button ' + ${JSON.stringify(start)}));
    const observer = new MutationObserver(() => {
      const target = named(${JSON.stringify(then)});
      if (!target || target.disabled) return;
      observer.disconnect();
      const at = document.querySelector('[data-testid=${status.id}]')?.getAttribute(${JSON.stringify(status.attribute)});
      target.click();
      resolve(at ?? null);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    startButton.click();
  })`;
  return (await page.evaluate(script)) as string | null;
}
