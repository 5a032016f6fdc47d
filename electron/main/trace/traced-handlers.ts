import type { InvokeChannel } from '../../../shared/ipc/channels';
import type { InvokeHandlers } from '../ipc-dispatch';
import type { MainTrace } from './main-trace';

/**
 * Every invoke handler wrapped in `traceHandler`, so each IPC request the main process handles is
 * a span on its lane of the timeline. `trace:window` itself is left out: the page asks for it
 * after every run, and a span for fetching the spans would only be noise on the lane it fetches.
 */
export const UNTRACED_CHANNELS: readonly InvokeChannel[] = ['trace:window'];

export function tracedHandlers<S>(
  trace: Pick<MainTrace, 'traceHandler'>,
  handlers: InvokeHandlers<S>,
): InvokeHandlers<S> {
  const traced: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(handlers)) {
    traced[channel] = UNTRACED_CHANNELS.includes(channel as InvokeChannel)
      ? handler
      : trace.traceHandler(channel, handler as (...args: unknown[]) => unknown);
  }
  // Same keys, same signatures (each wrapper takes its handler's arguments and awaits its answer).
  return traced as unknown as InvokeHandlers<S>;
}
