import { z } from 'zod';

/** Main-process meters, streamed to the renderer a few times a second. */
const poolState = z.object({
  size: z.int().nonnegative(),
  queued: z.int().nonnegative(),
  lanes: z.array(z.object({ lane: z.int(), busy: z.boolean(), spawned: z.int().nonnegative() })),
});

export const mainMetricsSchema = z.object({
  /** performance.timeOrigin + performance.now() of the main process when sampled. */
  at: z.number(),
  /** perf_hooks.monitorEventLoopDelay over the last interval, in milliseconds. */
  eventLoop: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  pools: z.object({ 'worker-thread': poolState, 'utility-process': poolState }),
  /** From app.getAppMetrics(): every Electron process, utility processes by their serviceName. */
  processes: z.array(
    z.object({
      pid: z.int(),
      type: z.string(),
      name: z.string(),
      cpuPercent: z.number(),
      memoryKB: z.number(),
    }),
  ),
});
export type MainMetrics = z.output<typeof mainMetricsSchema>;
export type PoolStateView = z.output<typeof poolState>;
