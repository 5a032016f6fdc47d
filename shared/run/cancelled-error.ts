/** Thrown inside a runner when its task was cancelled; callers turn it into status "cancelled". */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('The task was cancelled');
  }
}
