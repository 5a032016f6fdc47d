import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATA_COST_SIZES } from '../../shared/datacost/data-cost-methods';
import { medianSample, type DataCostSample } from '../../shared/datacost/data-cost-summary';
import { echoReplySchema, expectedRead } from '../../shared/datacost/echo-protocol';
import { makeBytes } from '../../shared/datacost/payloads';
import { bundleForNode } from './desktop-entries';

const ENTRY = resolve(import.meta.dirname, '../../electron/workers/data-echo-entry.ts');

/**
 * The bench's row for the data-cost lab's utility-process leg, in its desktop shape but in Node:
 * the real far side (electron/workers/data-echo-entry.ts, bundled as the app ships it) in a real
 * child process, whose IPC channel with structured clone ('advanced' serialisation) stands in for
 * the MessagePort, as the host bench's child processes stand in for utility processes. Electron
 * cannot start here, and a Node MessagePort cannot be handed to another process.
 * Node draws no frames: the worst frame gap is not measured (NaN, printed "–").
 */
export async function runDataPortBench(repeats = 3): Promise<DataCostSample[]> {
  const bundle = await bundleForNode('unfreeze-bench-data-echo-', { 'data-echo-entry': ENTRY });
  const child = fork(bundle.file('data-echo-entry'), [], { serialization: 'advanced', stdio: 'ignore' });
  const move = async (bytes: number): Promise<DataCostSample> => {
    const payload = makeBytes(bytes);
    const reply = new Promise<unknown>((resolve) => child.once('message', resolve));
    const sentAt = performance.now();
    // With 'advanced' serialisation send() clones the payload before it returns: the sender's blocked time.
    child.send({ kind: 'clone', payload });
    const blockedMs = performance.now() - sentAt;
    const answer = echoReplySchema.parse(await reply);
    const roundTripMs = performance.now() - sentAt;
    if (answer.read !== expectedRead('clone-bytes', bytes)) throw new Error(`the echo read ${answer.read} of ${bytes}`);
    return {
      method: 'utility-port',
      bytes,
      blockedMs,
      receivedMs: answer.receivedAt - (performance.timeOrigin + sentAt),
      roundTripMs,
      worstGapMs: Number.NaN,
    };
  };
  try {
    await move(1024); // started and serving
    const samples: DataCostSample[] = [];
    for (const bytes of DATA_COST_SIZES) {
      const runs: DataCostSample[] = [];
      for (let i = 0; i < repeats; i++) runs.push(await move(bytes));
      samples.push(medianSample(runs));
    }
    return samples;
  } finally {
    child.kill();
    bundle.cleanup();
  }
}
