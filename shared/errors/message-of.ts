/**
 * The text of anything a `catch` can receive: an Error's message, or the value itself as a string
 * (code may `throw 'text'`, and a worker may report a non-Error).
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
