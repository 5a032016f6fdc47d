import { z } from 'zod';
import { intInRange, numberInRange } from '../workloads/ranges';
import { sleepBlocking } from '../sync/sleep';
import { Mutex } from '../sync/mutex';
import type { LabScenario } from './scenario';

/**
 * The tutorial's bank account: balance 100, ten deposits of 10 and ten withdrawals of 5, shared
 * out across parallel workers. Each operation reads the balance, takes a moment (a short real
 * sleep of varying length, like a slow ledger), then writes the new balance. With the lock, 150 every time;
 * without it, operations overwrite each other and the balance comes out wrong.
 */
const BALANCE = 0;
const LOCK = 1;
export const BANK_LOCK = 0;

export const bankParams = z.strictObject({
  locked: z.boolean({ error: 'locked must be true or false' }),
  lanes: intInRange('lanes', 2, 10).default(4),
  initial: intInRange('initial', 0, 1_000_000).default(100),
  deposits: intInRange('deposits', 0, 100).default(10),
  depositAmount: intInRange('depositAmount', 1, 1000).default(10),
  withdrawals: intInRange('withdrawals', 0, 100).default(10),
  withdrawalAmount: intInRange('withdrawalAmount', 1, 1000).default(5),
  /** Time between reading and writing the balance. */
  gapMs: numberInRange('gapMs', 0, 50).default(1),
});
export type BankParams = z.output<typeof bankParams>;

const bankLane = z.strictObject({ deposits: z.int(), withdrawals: z.int(), refused: z.int() });
export type BankLane = z.output<typeof bankLane>;

/** Operation k is a deposit when even (while deposits remain), so both kinds run side by side. */
export function bankOperations(p: BankParams): ('deposit' | 'withdrawal')[] {
  const ops: ('deposit' | 'withdrawal')[] = [];
  let d = p.deposits;
  let w = p.withdrawals;
  while (d > 0 || w > 0) {
    if (d > 0) {
      ops.push('deposit');
      d--;
    }
    if (w > 0) {
      ops.push('withdrawal');
      w--;
    }
  }
  return ops;
}

/** The balance a correct run ends with (no withdrawal is refused while deposits come first). */
export function expectedBalance(p: BankParams): number {
  let balance = p.initial;
  for (const op of bankOperations(p)) {
    if (op === 'deposit') balance += p.depositAmount;
    else if (balance >= p.withdrawalAmount) balance -= p.withdrawalAmount;
  }
  return balance;
}

export const bank: LabScenario<BankParams, BankLane> = {
  name: 'bank',
  params: bankParams,
  laneResult: bankLane,
  lanes: (p) => p.lanes,
  dataCells: () => 2,
  prepare(data, p) {
    Atomics.store(data, BALANCE, p.initial);
    Atomics.store(data, LOCK, 0);
  },
  run({ lane, lanes, params, board, data, clock }) {
    const lock = new Mutex(data, LOCK, clock);
    // Contiguous shares, so every worker both deposits and withdraws.
    const all = bankOperations(params);
    const share = Math.ceil(all.length / lanes);
    const mine = all.slice(lane * share, (lane + 1) * share);
    const result = { deposits: 0, withdrawals: 0, refused: 0 };
    for (const op of mine) {
      // Customers do not arrive in lockstep: a random pause before each operation.
      sleepBlocking(params.gapMs * Math.random());
      if (params.locked) board.waitFor(lane, BANK_LOCK, () => lock.acquire());
      const balance = Atomics.load(data, BALANCE);
      // A jittered gap, as real work would be: who overwrites whom changes from run to run.
      sleepBlocking(params.gapMs * 2 * Math.random());
      if (op === 'deposit') {
        Atomics.store(data, BALANCE, balance + params.depositAmount);
        result.deposits++;
      } else if (balance >= params.withdrawalAmount) {
        Atomics.store(data, BALANCE, balance - params.withdrawalAmount);
        result.withdrawals++;
      } else {
        result.refused++;
      }
      if (params.locked) {
        board.released(lane, BANK_LOCK);
        lock.release();
      }
      board.setCount(lane, result.deposits + result.withdrawals + result.refused);
    }
    return result;
  },
  verdict(params, data) {
    const balance = Atomics.load(data, BALANCE);
    const expected = expectedBalance(params);
    const right = balance === expected;
    const measured = right
      ? params.locked
        ? `Final balance ${balance}, as it must be.`
        : `Final balance ${balance} — right this time, by luck: nothing prevented a lost update.`
      : `Final balance ${balance} instead of ${expected}: ${Math.abs(expected - balance)} went astray in overwritten updates.`;
    return {
      measured,
      asExpected: params.locked ? right : !right,
      figures: { balance_units: balance, expected_units: expected, error_units: balance - expected },
    };
  },
};
