import { LabCrew } from '../../../shared/lab/lab-crew';
import { browserTimers } from '../run/browser-timers';
import { listenToWorker } from '../run/listen-to-worker';

/**
 * A crew of module Web Workers for one lab card. Both editions use Web Workers: the desktop
 * app's renderer is cross-origin isolated too (unfreeze:// scheme with COOP/COEP).
 */
export function webLabCrew(): LabCrew {
  return new LabCrew(
    (lane, events) => {
      const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), {
        type: 'module',
        name: `unfreeze-lab-${lane + 1}`,
      });
      listenToWorker(worker, `Lab worker ${lane + 1}`, events);
      return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
    },
    browserTimers,
    () => performance.now(),
  );
}

/** Why the lab cannot run on this page, or null when it can. */
export function isolationProblem(): string | null {
  if (typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated) return null;
  return (
    'This page is not cross-origin isolated, so the browser withholds SharedArrayBuffer — ' +
    'and with it the shared memory the lab’s workers need.'
  );
}
