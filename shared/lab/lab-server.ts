import type { Clock } from '../sync/clock';
import { openLabMemory, passGate, Phase } from './lab-memory';
import type { FromLabWorker } from './lab-messages';
import { parseToLabWorker } from './lab-messages';
import { parseLabParams } from './lab-params';
import { getScenario } from './scenarios';
import { messageOf } from '../errors/message-of';

export interface LabServerHost {
  post(message: FromLabWorker): void;
  /** Milliseconds on a clock all workers share: `performance.timeOrigin + performance.now()`. */
  readonly clock: Clock;
  /** A message that could not be attributed to a run. */
  reject(error: string): void;
}

/** How long a worker waits at the start gate for the others before giving up. */
export const GATE_TIMEOUT_MS = 10_000;

/**
 * The worker side of the lab, the same in a Web Worker and a worker thread: validates the run
 * message, waits at the start gate until every lane has arrived, runs its lane of the scenario
 * (blocking — this is a worker), and answers with exactly one done or error.
 */
export function createLabServer(host: LabServerHost): (data: unknown) => void {
  return (data: unknown) => {
    const parsed = parseToLabWorker(data);
    if (!parsed.ok) {
      host.reject(parsed.error);
      return;
    }
    const { runId, lane, lanes, buffer } = parsed.message;
    let memory;
    try {
      memory = openLabMemory(buffer, lanes);
    } catch (error) {
      host.post({ type: 'error', runId, lane, message: messageOf(error) });
      return;
    }
    try {
      const scenario = getScenario(parsed.message.scenario);
      const params = parseLabParams(scenario.params, parsed.message.params, scenario.name);
      if (!passGate(memory, GATE_TIMEOUT_MS))
        throw new Error(`Worker ${lane + 1} waited ${GATE_TIMEOUT_MS / 1000} s for the other workers to start`);
      memory.board.setPhase(lane, Phase.running);
      const result = scenario.run({ lane, lanes, params, board: memory.board, data: memory.data, clock: host.clock });
      memory.board.setPhase(lane, Phase.done);
      host.post({ type: 'done', runId, lane, result });
    } catch (error) {
      memory.board.setPhase(lane, Phase.failed);
      host.post({ type: 'error', runId, lane, message: messageOf(error) });
    }
  };
}
