/** What a fidelity child process tells its parent. */
export type FidelityMessage =
  | { kind: 'case'; name: string; state: 'pass' | 'fail'; ms: number; error?: string }
  | { kind: 'done'; failures: number };
