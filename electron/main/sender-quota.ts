/**
 * How many tasks one window may have queued and running at once. A trusted page can still call
 * `task:start` in a loop; without a cap every call queues up to 64 more jobs, and the window that
 * finally closes leaves the main process cancelling hundreds of thousands of them.
 */
export const MAX_TASKS_PER_WINDOW = 32;

export interface SenderQuota {
  /** Counts one more task for this window, or throws (counting nothing) past the cap. */
  take(senderId: number): void;
  /** One of this window's tasks ended. */
  give(senderId: number): void;
  /** Tasks this window has now. */
  held(senderId: number): number;
}

export function createSenderQuota(maxTasks = MAX_TASKS_PER_WINDOW): SenderQuota {
  const counts = new Map<number, number>();
  const held = (senderId: number) => counts.get(senderId) ?? 0;
  return {
    take(senderId) {
      const now = held(senderId);
      if (now >= maxTasks)
        throw new Error(
          `this window already has ${now} tasks queued or running (at most ${maxTasks} per window); ` +
            'wait for one to end or cancel one',
        );
      counts.set(senderId, now + 1);
    },
    give(senderId) {
      const now = held(senderId);
      if (now <= 1) counts.delete(senderId);
      else counts.set(senderId, now - 1);
    },
    held,
  };
}
