import { describe, expect, it } from 'vitest';
import { clickAtOnce } from './support/click-at-once';
import { openPlayground, waitForRunEnd } from './support/playground-page';
import { webEditionSuite } from './support/web-edition-suite';

/**
 * The Playground's Cancel is enabled from the click on Start on, a few frames before the task
 * exists. A click the UI accepted is never lost: a Cancel in that window means the task never
 * starts, and the run ends cancelled (it used to run to its end: 15 of 15 times).
 */
const suite = webEditionSuite();

describe('Playground: Cancel right after Start (Chromium, web edition)', () => {
  for (const place of ['renderer-sliced', 'web-worker'] as const) {
    it(`ends cancelled at once on ${place}, every time`, async () => {
      const { page, errors } = await openPlayground(
        suite.browser,
        suite.url,
        `?workload=primes&size=10s&place=${place}`,
      );
      for (let round = 0; round < 3; round++) {
        const clickedAt = Date.now();
        const phaseAtClick = await clickAtOnce(page, 'Start', 'Cancel', { id: 'run-status', attribute: 'data-phase' });
        // The click did land in the window where no task exists yet.
        expect(phaseAtClick).toBe('starting');
        const figures = await waitForRunEnd(page, 10_000);
        expect(figures.phase).toBe('cancelled');
        // Ten seconds of work were asked for: only a cancel that got through ends it this soon.
        expect(Date.now() - clickedAt).toBeLessThan(3_000);
        await page.getByRole('button', { name: 'Start' }).and(page.locator(':enabled')).waitFor();
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
