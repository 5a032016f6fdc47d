/** Whatever a signal can stop: a running task, or a whole download batch. */
export interface Cancellable {
  cancel(): void;
}

/**
 * One run's Cancel button, from the click on Start on: a cancel that comes before the task
 * exists (while the "running" state paints) is remembered, so the task never starts, or is
 * cancelled the moment it is attached. A click the UI accepted is never lost.
 */
export class RunSignal {
  private wanted = false;
  private current: Cancellable | null = null;

  get cancelled(): boolean {
    return this.wanted;
  }

  /** What runs now for this signal (a task, a batch), or null once it has ended. */
  attach(task: Cancellable | null): void {
    this.current = task;
    if (this.wanted) task?.cancel();
  }

  cancel(): void {
    this.wanted = true;
    this.current?.cancel();
  }
}
