import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TaskOutcome } from '../run/task-outcome';
import { taskEventSchema, type TaskEvent } from './task-event';

describe('taskEventSchema', () => {
  it("carries the runners' own outcome type in 'end', so nothing maps it field by field", () => {
    expectTypeOf<Extract<TaskEvent, { type: 'end' }>['outcome']>().toEqualTypeOf<TaskOutcome>();
  });

  it.each([
    { status: 'done', result: { count: 168 }, elapsedMs: 12 },
    { status: 'cancelled', elapsedMs: 3 },
    { status: 'failed', message: 'Worker thread 1 exited with code 3', elapsedMs: 40 },
  ])('accepts an end that is $status', (outcome) => {
    expect(taskEventSchema.parse({ type: 'end', taskId: 't', outcome })).toEqual({ type: 'end', taskId: 't', outcome });
  });

  it.each([
    ['an outcome without its time', { status: 'cancelled' }, 'outcome.elapsedMs'],
    ['a failure without its message', { status: 'failed', elapsedMs: 1 }, 'outcome.message'],
    ['an unknown status', { status: 'maybe', elapsedMs: 1 }, 'outcome.status'],
  ])('refuses %s, naming the field', (_, outcome, field) => {
    const parsed = taskEventSchema.safeParse({ type: 'end', taskId: 't', outcome });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('holds a task id to the one task id schema', () => {
    const parsed = taskEventSchema.safeParse({ type: 'lanes', taskId: 'x'.repeat(101), lanes: [] });
    expect(parsed.error?.issues[0]?.message).toBe('taskId must be at most 100 characters');
  });
});
