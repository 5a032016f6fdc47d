import { describe, expect, it } from 'vitest';
import { OVERHEAD_EXPECTATION, OVERHEAD_EXPECTED_TEXT, overheadOutcome } from './overhead';

describe('overheadOutcome', () => {
  it('measures the overhead per task when messages cost more than the work', () => {
    const o = overheadOutcome({ tasks: 2000, inlineMs: 10, perTaskMs: 410, batchedMs: 8, workers: 2 });
    expect(o.asExpected).toBe(true);
    expect(o.figures.overhead_per_task_us).toBe(200);
    expect(o.measured).toBe(
      '2,000 tiny tasks: inline 10 ms (5.0 µs a task); one worker message per task 410 ms ' +
        '(41.0× the inline time, ≈ 200 µs of overhead per task); batched into 2 shares 8 ms.',
    );
  });

  it('is not as expected when the workers were faster anyway', () => {
    expect(overheadOutcome({ tasks: 10, inlineMs: 50, perTaskMs: 30, batchedMs: 20, workers: 2 }).asExpected).toBe(
      false,
    );
  });

  it('judges by the numbers its Expected sentence states', () => {
    const [from, to] = OVERHEAD_EXPECTATION.overheadUs;
    expect(OVERHEAD_EXPECTED_TEXT).toContain(`${from}–${to.toLocaleString('en-US')} µs`);
    // 165 µs a task (as measured on a busy machine) is inside the stated range...
    expect(overheadOutcome({ tasks: 1000, inlineMs: 20, perTaskMs: 185, batchedMs: 15, workers: 2 }).asExpected).toBe(
      true,
    );
    // ...2 ms a task is not, and neither is a batch slower than a message per task.
    expect(overheadOutcome({ tasks: 1000, inlineMs: 20, perTaskMs: 2020, batchedMs: 15, workers: 2 }).asExpected).toBe(
      false,
    );
    expect(overheadOutcome({ tasks: 1000, inlineMs: 20, perTaskMs: 185, batchedMs: 190, workers: 2 }).asExpected).toBe(
      false,
    );
  });
});
