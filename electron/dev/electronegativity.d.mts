export interface Finding {
  id: string;
  file: string;
}

export interface AcceptedFinding {
  check: string;
  file: string;
  rationale: string;
}

export function triage<F extends Finding>(
  issues: readonly F[],
  accepted: readonly AcceptedFinding[],
): { fresh: F[]; acknowledged: F[]; stale: AcceptedFinding[] };
