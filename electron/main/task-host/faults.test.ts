import { afterAll, describe, expect, it } from 'vitest';
import { POOL_PLACES } from '../../../shared/host/host-places';
import { faultHarness, FAULTS_BY_PLACE } from '../fixtures/fault-harness';

/**
 * Every fault once per place, against real worker threads and child processes: the victim ends,
 * the bystander on the other lane keeps its exact result, and the pool heals. `npm run stress`
 * injects each one 50 times.
 */
describe.each(POOL_PLACES)('faults injected into the %s pool', (place) => {
  const harness = faultHarness();
  afterAll(() => harness.dispose());

  it.each(FAULTS_BY_PLACE[place])(
    '%s: the victim ends, the bystander keeps its result, the pool heals',
    async (fault) => {
      expect(await harness.inject(place, fault, 0)).toEqual([]);
    },
    60_000,
  );
});
