import type { PipelineStepDefinition } from '@stepscore/step-builder';
import { findStepsGets } from './pipeline-expressions.js';

export interface ExecutionOrder {
  /** Step names, each after every step it references or waits for; ties keep definition order. */
  readonly order: readonly string[];
  readonly problems: readonly string[];
}

/** The steps a step must wait for: the ones its `Get`s name and its `DependsOn`. */
export function upstreamSteps(step: PipelineStepDefinition): string[] {
  return [...new Set([...findStepsGets(step.Arguments).map((g) => g.stepName), ...(step.DependsOn ?? [])])];
}

/** The order SageMaker would run the steps in, from their data and explicit dependencies. */
export function executionOrder(steps: readonly PipelineStepDefinition[]): ExecutionOrder {
  const names = new Set(steps.map((s) => s.Name));
  const problems: string[] = [];
  const waitsFor = new Map<string, Set<string>>();
  for (const step of steps) {
    const upstream = upstreamSteps(step);
    for (const name of upstream) {
      if (name === step.Name) problems.push(`Step '${step.Name}' depends on itself`);
      else if (!names.has(name)) problems.push(`Step '${step.Name}' depends on '${name}', which is not a step of the pipeline`);
    }
    waitsFor.set(step.Name, new Set(upstream.filter((n) => n !== step.Name && names.has(n))));
  }
  const order: string[] = [];
  const done = new Set<string>();
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const step of steps) {
      if (done.has(step.Name)) continue;
      if ([...(waitsFor.get(step.Name) ?? [])].every((n) => done.has(n))) {
        order.push(step.Name);
        done.add(step.Name);
        progressed = true;
      }
    }
  }
  const stuck = steps.filter((s) => !done.has(s.Name)).map((s) => s.Name);
  if (stuck.length > 0) problems.push(`Steps ${stuck.map((n) => `'${n}'`).join(', ')} wait for each other in a cycle and can never run`);
  return { order, problems };
}
