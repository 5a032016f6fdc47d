/** How every task ends, in every place: exactly one of these. */
export type TaskOutcome<Result> =
  | { readonly status: 'done'; readonly result: Result; readonly elapsedMs: number }
  | { readonly status: 'cancelled'; readonly elapsedMs: number }
  | { readonly status: 'failed'; readonly message: string; readonly elapsedMs: number };

export type TaskStatus = TaskOutcome<unknown>['status'];
