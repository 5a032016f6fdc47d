/**
 * The end of a child's stderr, kept so a crash can be explained by its last error line.
 * Shared by the child_process stand-in and Electron's utility processes.
 */
export class StderrTail {
  /** Enough for the last error report, small enough to keep for every worker. */
  static readonly LIMIT = 4096;
  private text = '';

  push(chunk: Buffer | string): void {
    this.text = (this.text + String(chunk)).slice(-StderrTail.LIMIT);
  }

  /** The line of an uncaught exception's report that says what went wrong ("Error: …"). */
  errorLine(): string | undefined {
    return this.text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /^[A-Za-z]*Error\b.*:/.test(line));
  }
}
