import { describe, expect, it } from 'vitest';
import type { PrimesParams } from './primes';
import { getPlaygroundWorkload, getWorkload, PLAYGROUND_WORKLOADS, WORKLOAD_NAMES, workloadName } from './registry';
import type { MandelbrotParams, MandelbrotTile } from './mandelbrot';
import type { ViewKindFor } from './workload';

describe('the workload registry', () => {
  it('files every workload under its own name', () => {
    for (const name of WORKLOAD_NAMES) expect(getWorkload(name).name).toBe(name);
  });

  it('offers in the Playground exactly the workloads that have presets, each with a view kind', () => {
    const sized = WORKLOAD_NAMES.filter((name) => 'presets' in getWorkload(name));
    expect([...PLAYGROUND_WORKLOADS]).toEqual(sized);
    for (const name of PLAYGROUND_WORKLOADS) expect(['tiles', 'text']).toContain(getPlaygroundWorkload(name).view);
    expect(WORKLOAD_NAMES).toContain('tiny-tasks');
    expect(PLAYGROUND_WORKLOADS).not.toContain('tiny-tasks');
  });

  it('accepts exactly the registered names in requests', () => {
    for (const name of WORKLOAD_NAMES) expect(workloadName.parse(name)).toBe(name);
    expect(workloadName.safeParse('Primes').error?.issues[0]?.message).toBe(
      `workload must be one of: ${WORKLOAD_NAMES.join(', ')}`,
    );
  });

  it('lets a workload declare only a view its params and chunks fit (checked by the compiler)', () => {
    const tiles: ViewKindFor<MandelbrotParams, MandelbrotTile> = 'tiles';
    const text: ViewKindFor<PrimesParams, never> = 'text';
    // @ts-expect-error primes' params have no width and height to size a canvas
    const canvasForPrimes: ViewKindFor<PrimesParams, never> = 'tiles';
    // @ts-expect-error chunks that are not pixel tiles cannot be painted
    const canvasForText: ViewKindFor<MandelbrotParams, string> = 'tiles';
    expect([tiles, text, canvasForPrimes, canvasForText]).toEqual(['tiles', 'text', 'tiles', 'tiles']);
  });
});
