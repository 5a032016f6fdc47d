import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../shared/lab/scenarios';
import { combineRounds, deadlockLines, EXPERIMENTS, variantOf, type DoneRound } from './experiments';

const round = (balance: number): DoneRound => ({
  status: 'done',
  results: [],
  elapsedMs: 10,
  verdict: { measured: `Final balance ${balance}`, asExpected: balance === 150, figures: { balance_units: balance } },
});

describe('lab experiments', () => {
  it('offer only params their scenario accepts', () => {
    for (const experiment of Object.values(EXPERIMENTS)) {
      const scenario = getScenario(experiment.scenario);
      for (const v of experiment.variants)
        expect(scenario.params.safeParse(v.params).success, `${experiment.id}/${v.id}`).toBe(true);
    }
  });

  it('judge the bank over all its runs: 150 every time with the lock, any wrong run without', () => {
    const bank = EXPERIMENTS.bank;
    const locked = combineRounds(bank, variantOf(bank, 'locked'), [round(150), round(150), round(150)]);
    expect(locked).toMatchObject({ asExpected: true, measured: '3 of 3 runs ended at 150.' });
    expect(combineRounds(bank, variantOf(bank, 'locked'), [round(150), round(140)]).asExpected).toBe(false);
    const unlocked = combineRounds(bank, variantOf(bank, 'unlocked'), [round(115), round(150), round(90)]);
    expect(unlocked.asExpected).toBe(true);
    expect(unlocked.measured).toContain('2 of 3 runs ended wrong (final balances 90–150)');
    expect(unlocked.figures).toMatchObject({ runs_count: 3, wrong_count: 2, lowest_units: 90, highest_units: 150 });
  });

  it('say in words what each deadlocked worker held and wanted', () => {
    const lines = deadlockLines(
      [
        { status: 'timed-out', first: 0, second: 1, waitedMs: 1500, depth: 0, plainSelfDeadlock: false },
        { status: 'completed', first: 1, second: 0, waitedMs: 1480, depth: 0, plainSelfDeadlock: false },
      ],
      EXPERIMENTS.deadlock.lockNames,
    );
    expect(lines[0]).toBe('Worker 1: held A, waited 1.50 s for B, gave up and released A.');
    expect(lines[1]).toMatch(/^Worker 2: took B, then A, waiting 1480 ms in all — completed\.$/);
  });
});
