import type { CheckResult } from '../check/check-result.js';

export interface StepscoreTaskMeta {
  readonly builder: string;
  readonly stepType: string;
  readonly framework: string;
  readonly backend: string;
  readonly check: CheckResult;
}

declare module 'vitest' {
  interface TaskMeta {
    stepscore?: StepscoreTaskMeta;
  }
}
