/**
 * The end of a child's stderr, kept so a crash can be explained by its last error line.
 * Shared by the child_process stand-in and Electron's utility processes.
 */
export class StderrTail {
  /** Enough for the last error report, small enough to keep for every worker. */
  static readonly LIMIT = 4096;
  private text = '';
  private finished = false;
  private readonly whenFinished: Promise<void>;
  private markFinished = () => {};

  constructor() {
    this.whenFinished = new Promise((resolve) => {
      this.markFinished = () => {
        this.finished = true;
        resolve();
      };
    });
  }

  /**
   * A tail that reads `stream` (a child's piped stderr) as it arrives. Without a stream (stderr
   * not piped) it stays empty and counts as read to the end.
   */
  static of(stream: NodeJS.ReadableStream | null | undefined): StderrTail {
    const tail = new StderrTail();
    if (!stream) {
      tail.markFinished();
      return tail;
    }
    // Text, so a character split across two chunks is not garbled.
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => tail.push(chunk));
    stream.once('end', () => tail.markFinished());
    stream.once('close', () => tail.markFinished());
    return tail;
  }

  push(chunk: Buffer | string): void {
    this.text = (this.text + String(chunk)).slice(-StderrTail.LIMIT);
  }

  /**
   * Resolves once the stream has been read to its end — a process's last words can arrive just
   * after its exit — but waits at most `ms`, so a pipe held open elsewhere cannot delay a report.
   */
  async readToEnd(ms: number): Promise<void> {
    if (this.finished) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const enough = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms).unref()));
    await Promise.race([this.whenFinished, enough]);
    clearTimeout(timer);
  }

  /** The line of an uncaught exception's report that says what went wrong ("Error: …"). */
  errorLine(): string | undefined {
    return this.text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /^[A-Za-z]*Error\b.*:/.test(line));
  }
}
