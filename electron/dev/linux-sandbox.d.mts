export interface SandboxFacts {
  platform: string;
  /** /proc/sys/kernel/apparmor_restrict_unprivileged_userns, if it exists. */
  restrictUserns?: string;
  /** /proc/sys/kernel/unprivileged_userns_clone, if it exists. */
  usernsClone?: string;
  helperPath: string;
  helper?: { uid: number; mode: number };
}

export function sandboxAdvice(facts: SandboxFacts): { ok: true } | { ok: false; message: string };
export function probeLinuxSandbox(binaryPath: string, platform?: string): SandboxFacts;
