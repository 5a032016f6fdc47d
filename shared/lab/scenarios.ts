import { z } from 'zod';
import { bank } from './bank';
import { deadlock } from './deadlock';
import { eventWait } from './event-wait';
import { race } from './race';
import type { LabScenario } from './scenario';
import { threadLocal } from './thread-local';

/** A scenario with its types erased, for the code that handles any of them. */
export type AnyScenario = LabScenario<unknown, unknown>;

export const SCENARIO_NAMES = ['race', 'bank', 'deadlock', 'event', 'thread-local'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];
export const scenarioName = z.enum(SCENARIO_NAMES, { error: `scenario must be one of: ${SCENARIO_NAMES.join(', ')}` });

const SCENARIOS: Record<ScenarioName, AnyScenario> = {
  race: race as unknown as AnyScenario,
  bank: bank as unknown as AnyScenario,
  deadlock: deadlock as unknown as AnyScenario,
  event: eventWait as unknown as AnyScenario,
  'thread-local': threadLocal as unknown as AnyScenario,
};

export function getScenario(name: ScenarioName): AnyScenario {
  return SCENARIOS[name];
}
