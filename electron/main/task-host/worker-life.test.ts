import { describe, expect, it } from 'vitest';
import { workerLife } from './worker-life';

function life() {
  const reports: string[] = [];
  return { life: workerLife((reason) => reports.push(reason)), reports };
}

describe('workerLife', () => {
  it('reports a death once, with its detail, however many events announce it', () => {
    const { life: l, reports } = life();
    l.fail('Worker thread 1 crashed: boom');
    l.markExited();
    l.fail('Worker thread 1 exited with code 1');
    expect(reports).toEqual(['Worker thread 1 crashed: boom']);

    const other = life();
    other.life.fail('Utility process 2 exited with code 1', 'Error: Crash lab');
    expect(other.reports).toEqual(['Utility process 2 exited with code 1: Error: Crash lab']);
  });

  it('leaves the detail out when there is none', () => {
    const { life: l, reports } = life();
    l.fail('Unfreeze worker 1 exited unexpectedly with code 3', undefined);
    expect(reports).toEqual(['Unfreeze worker 1 exited unexpectedly with code 3']);
  });

  it('reports nothing for a worker it was told to stop, and says to kill it only once', () => {
    const { life: l, reports } = life();
    expect(l.isAlive()).toBe(true);
    expect(l.stop()).toBe(true);
    expect(l.stop()).toBe(false);
    expect(l.isAlive()).toBe(false);
    l.markExited();
    l.fail('Worker thread 1 exited with code 1');
    expect(reports).toEqual([]);
  });

  it('never says to kill a worker that has already gone, and still reports its death', () => {
    const { life: l, reports } = life();
    l.markExited();
    expect(l.stop()).toBe(false);
    l.fail('Utility process 1 crashed (signal SIGABRT)');
    expect(reports).toEqual(['Utility process 1 crashed (signal SIGABRT)']);
  });

  it('stops posting at exit, and resolves `exited` then, once', async () => {
    const { life: l } = life();
    let resolved = 0;
    void l.exited.then(() => resolved++);
    await Promise.resolve();
    expect(resolved).toBe(0);
    expect(l.hasExited()).toBe(false);
    l.markExited();
    l.markExited();
    await l.exited;
    expect(resolved).toBe(1);
    expect(l.hasExited()).toBe(true);
    expect(l.isAlive()).toBe(false);
  });
});
