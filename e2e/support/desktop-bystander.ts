import type { Page } from 'playwright-core';
import type { PoolPlace } from '../../shared/host/host-places';
import type { DesktopWindow } from './desktop-harness';

/** What a bystander task's window heard: the lane it ran on, and its end. */
interface Heard {
  lane: number | null;
  outcome: { status: string; message?: string } | null;
}

type Registry = Record<string, Heard>;

export interface Bystander {
  readonly taskId: string;
  /** The pool lane the task occupies. */
  readonly lane: number;
  /** Resolves with the task's outcome, as its window received it. */
  end(timeoutMs?: number): Promise<{ status: string; message?: string }>;
}

let count = 0;

/**
 * A one-share prime count started from another window's `window.unfreeze` — someone else's task
 * on the same pool — to show that breaking one worker fails only the task on that worker.
 * Resolves once the task occupies a lane, so a crash-lab job started next gets another lane.
 */
export async function startBystander(window: DesktopWindow, place: PoolPlace, limit: number): Promise<Bystander> {
  const taskId = `e2e-bystander-${++count}`;
  const page: Page = window.page;
  await page.evaluate(
    ([id, where, n]) => {
      const g = globalThis as unknown as {
        unfreeze: {
          onTaskEvent(listener: (event: Record<string, unknown>) => void): () => void;
          startTask(taskId: string, place: string, request: unknown, shards: number): Promise<void>;
        };
        e2eBystanders?: Registry;
      };
      const heard: Heard = { lane: null, outcome: null };
      g.e2eBystanders = { ...g.e2eBystanders, [id]: heard };
      g.unfreeze.onTaskEvent((event) => {
        if (event.taskId !== id) return;
        const lanes = event.lanes as { lane: number }[] | undefined;
        if (event.type === 'lanes' && lanes?.[0]) heard.lane = lanes[0].lane;
        if (event.type === 'end') heard.outcome = event.outcome as Heard['outcome'];
      });
      return g.unfreeze.startTask(id, where, { workload: 'primes', params: { limit: n } }, 1);
    },
    [taskId, place, limit] as const,
  );
  const read = () =>
    page.evaluate((id) => (globalThis as unknown as { e2eBystanders: Registry }).e2eBystanders[id], taskId);
  // Polled on a timer: a page in the background may get no animation frames.
  await page.waitForFunction(
    (id) => (globalThis as unknown as { e2eBystanders: Registry }).e2eBystanders[id]?.lane !== null,
    taskId,
    { polling: 50 },
  );
  const lane = (await read())?.lane ?? -1;
  return {
    taskId,
    lane,
    async end(timeoutMs = 30_000) {
      await page.waitForFunction(
        (id) => (globalThis as unknown as { e2eBystanders: Registry }).e2eBystanders[id]?.outcome !== null,
        taskId,
        { timeout: timeoutMs, polling: 50 },
      );
      const outcome = (await read())?.outcome;
      if (!outcome) throw new Error(`The bystander task ${taskId} has no outcome`);
      return outcome;
    },
  };
}
