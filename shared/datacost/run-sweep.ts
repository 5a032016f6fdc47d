import { DATA_COST_SIZES, METHOD_FACTS, type DataCostMethod } from './data-cost-methods';
import { medianSample, type DataCostSample } from './data-cost-summary';

export interface SweepStep {
  readonly method: DataCostMethod;
  readonly bytes: number;
}

/** Every method at every size it allows, smallest sizes first so the chart fills from the left. */
export function sweepPlan(methods: readonly DataCostMethod[], sizes: readonly number[] = DATA_COST_SIZES): SweepStep[] {
  return [...sizes]
    .sort((a, b) => a - b)
    .flatMap((bytes) => methods.filter((m) => bytes <= METHOD_FACTS[m].maxBytes).map((method) => ({ method, bytes })));
}

export interface SweepDeps {
  /** Moves one payload there and back and measures it (the page's part: renderer/src/lab). */
  readonly measure: (step: SweepStep) => Promise<DataCostSample>;
  /** Each step's median as soon as it is known. */
  readonly onSample?: (sample: DataCostSample, done: number, total: number) => void;
  /** Checked between moves: a cancelled sweep stops before the next payload. */
  readonly cancelled: () => boolean;
  /** Moves per step; the median of each figure is kept. */
  readonly repeats: number;
}

/** Runs the plan one move at a time (never two at once: they would share the thread they measure). */
export async function runSweep(
  plan: readonly SweepStep[],
  deps: SweepDeps,
): Promise<{ samples: DataCostSample[]; complete: boolean }> {
  const samples: DataCostSample[] = [];
  for (const step of plan) {
    const repeats: DataCostSample[] = [];
    for (let i = 0; i < Math.max(1, deps.repeats); i++) {
      if (deps.cancelled()) return { samples, complete: false };
      repeats.push(await deps.measure(step));
    }
    const sample = medianSample(repeats);
    samples.push(sample);
    deps.onSample?.(sample, samples.length, plan.length);
  }
  return { samples, complete: true };
}
