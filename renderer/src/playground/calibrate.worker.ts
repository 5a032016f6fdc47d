/// <reference lib="webworker" />
import { calibrate } from '../../../shared/workloads/presets';

// Measures this computer off the page's thread: an app about freezes should not start with one.
// Same CPU, same JIT; the ~0.1 s of work just happens where nobody is waiting for a frame.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.postMessage(calibrate(() => performance.now()));
