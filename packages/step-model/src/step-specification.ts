import { isNodeType, NODE_TYPES, type DependencyType, type NodeType } from './dependency-type.js';
import { type DependencySpec, type DependencySpecInput, dependencySpecErrors, normalizeDependencySpec } from './dependency-spec.js';
import { type OutputSpec, type OutputSpecInput, normalizeOutputSpec, outputSpecErrors } from './output-spec.js';
import { describeValue, isPlainRecord, nameLabel } from './describe-value.js';
import { pythonListRepr, pythonSetRepr } from './python-repr.js';
import type { ScriptContract } from './script-contract.js';
import { type ValidationResult, validationResult } from './validation-result.js';

export interface StepSpecificationInput {
  stepType: string;
  nodeType: NodeType;
  dependencies: readonly DependencySpecInput[];
  outputs: readonly OutputSpecInput[];
  /** Undefined for step types that run no script of their own (Transform, CreateModel). */
  scriptContract?: ScriptContract | undefined;
}

export class SpecificationError extends Error {
  constructor(
    readonly stepType: string,
    readonly errors: readonly string[],
  ) {
    super(`Invalid step specification '${stepType}': ${errors.join('; ')}`);
    this.name = 'SpecificationError';
  }
}

const NODE_RULES: Record<NodeType, { dependencies: boolean; outputs: boolean }> = {
  source: { dependencies: false, outputs: true },
  internal: { dependencies: true, outputs: true },
  sink: { dependencies: true, outputs: false },
  singular: { dependencies: false, outputs: false },
};

/** The trimmed logical names of the entries that have one (the others are reported on their own). */
function stringNames(entries: readonly unknown[]): string[] {
  return entries.flatMap((e) => (isPlainRecord(e) && typeof e['logicalName'] === 'string' ? [e['logicalName'].trim()] : []));
}

function duplicates(names: readonly string[]): string[] {
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

function nodeTypeErrors(stepType: string, nodeType: NodeType, depCount: number, outCount: number): string[] {
  const rule = NODE_RULES[nodeType];
  const label = nodeType.toUpperCase();
  const errors: string[] = [];
  if (rule.dependencies && depCount === 0) errors.push(`${label} node '${stepType}' must have dependencies`);
  if (!rule.dependencies && depCount > 0) errors.push(`${label} node '${stepType}' cannot have dependencies`);
  if (rule.outputs && outCount === 0) errors.push(`${label} node '${stepType}' must have outputs`);
  if (!rule.outputs && outCount > 0) errors.push(`${label} node '${stepType}' cannot have outputs`);
  return errors;
}

/** Output logical names and aliases must be unique across the spec, case-insensitively. */
function aliasConflictErrors(stepType: string, outputs: readonly OutputSpecInput[]): string[] {
  const owners = new Map<string, string[]>();
  for (const out of outputs.filter((o) => isPlainRecord(o) && typeof o.logicalName === 'string')) {
    const aliases: readonly unknown[] = Array.isArray(out.aliases) ? out.aliases : [];
    const names = [out.logicalName, ...aliases].filter((n): n is string => typeof n === 'string');
    for (const name of new Set(names.map((n) => n.trim().toLowerCase()))) {
      owners.set(name, [...(owners.get(name) ?? []), out.logicalName]);
    }
  }
  const conflicts = [...owners.entries()].filter(([, who]) => who.length > 1);
  if (conflicts.length === 0) return [];
  const described = conflicts.map(([name, who]) => `'${name}' is used by outputs ${pythonListRepr(who)}`);
  return [`Output name/alias conflicts in step '${stepType}': ${described.join('; ')}`];
}

/**
 * Spec declarations found valid, by identity. A declaration is data a builder is built from, not changed after: a
 * changed one is not validated again.
 */
const validInputs = new WeakSet<StepSpecificationInput>();

export class StepSpecification {
  readonly stepType: string;
  readonly nodeType: NodeType;
  readonly dependencies: ReadonlyMap<string, DependencySpec>;
  readonly outputs: ReadonlyMap<string, OutputSpec>;
  readonly scriptContract: ScriptContract | undefined;
  /** The specification as written, before normalisation dropped blank and repeated list entries. */
  readonly declared: StepSpecificationInput;

  private constructor(input: StepSpecificationInput) {
    this.declared = input;
    this.stepType = input.stepType.trim();
    this.nodeType = input.nodeType;
    this.dependencies = new Map(input.dependencies.map((d) => [d.logicalName.trim(), normalizeDependencySpec(d)]));
    this.outputs = new Map(input.outputs.map((o) => [o.logicalName.trim(), normalizeOutputSpec(o)]));
    this.scriptContract = input.scriptContract;
  }

  /** Every rule a specification must satisfy on its own, each error naming the field. */
  static validate(input: StepSpecificationInput): ValidationResult {
    if (!isPlainRecord(input)) return validationResult([`a step specification must be an object, got ${describeValue(input)}`]);
    const errors: string[] = [];
    const stepType = typeof input.stepType === 'string' ? input.stepType.trim() : '';
    if (stepType.length === 0) errors.push('step_type must not be empty');
    if (!isNodeType(input.nodeType)) {
      errors.push(`node_type must be one of: ${pythonListRepr(NODE_TYPES)} (got ${describeValue(input.nodeType)})`);
    }
    for (const field of ['dependencies', 'outputs'] as const) {
      if (!Array.isArray(input[field])) errors.push(`${field} must be a list, got ${describeValue(input[field])}`);
    }
    // Holes of a sparse array are read as undefined, and reported as such.
    const deps: readonly DependencySpecInput[] = Array.isArray(input.dependencies) ? Array.from(input.dependencies) : [];
    const outs: readonly OutputSpecInput[] = Array.isArray(input.outputs) ? Array.from(input.outputs) : [];
    deps.forEach((d, i) => {
      for (const e of dependencySpecErrors(d)) errors.push(`dependencies[${i}] (${nameLabel(isPlainRecord(d) ? d.logicalName : undefined)}): ${e}`);
    });
    outs.forEach((o, i) => {
      for (const e of outputSpecErrors(o)) errors.push(`outputs[${i}] (${nameLabel(isPlainRecord(o) ? o.logicalName : undefined)}): ${e}`);
    });
    const dupDeps = duplicates(stringNames(deps));
    if (dupDeps.length > 0) errors.push(`Duplicate dependency logical names found: ${pythonSetRepr(dupDeps)}`);
    const dupOuts = duplicates(stringNames(outs));
    if (dupOuts.length > 0) errors.push(`Duplicate output logical names found: ${pythonSetRepr(dupOuts)}`);
    if (isNodeType(input.nodeType)) errors.push(...nodeTypeErrors(stepType, input.nodeType, deps.length, outs.length));
    if (dupOuts.length === 0) errors.push(...aliasConflictErrors(stepType, outs));
    return validationResult(errors);
  }

  /** @throws SpecificationError listing every broken rule. */
  static create(input: StepSpecificationInput): StepSpecification {
    // A builder is constructed once per scenario from the same spec declaration: it is validated the first time.
    if (!validInputs.has(input)) {
      const result = StepSpecification.validate(input);
      if (!result.isValid) throw new SpecificationError(nameLabel(isPlainRecord(input) ? input.stepType : input), result.errors);
      validInputs.add(input);
    }
    return new StepSpecification(input);
  }

  getDependency(name: string): DependencySpec | undefined {
    return this.dependencies.get(name);
  }

  getOutput(name: string): OutputSpec | undefined {
    return this.outputs.get(name);
  }

  /** Exact logical name first, then a case-insensitive alias. */
  getOutputByNameOrAlias(name: string): OutputSpec | undefined {
    const exact = this.outputs.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    return [...this.outputs.values()].find((o) => o.aliases.some((a) => a.toLowerCase() === lower));
  }

  listAllOutputNames(): string[] {
    return [...this.outputs.values()].flatMap((o) => [o.logicalName, ...o.aliases]);
  }

  listRequiredDependencies(): DependencySpec[] {
    return [...this.dependencies.values()].filter((d) => d.required);
  }

  listOptionalDependencies(): DependencySpec[] {
    return [...this.dependencies.values()].filter((d) => !d.required);
  }

  listDependenciesByType(type: DependencyType): DependencySpec[] {
    return [...this.dependencies.values()].filter((d) => d.dependencyType === type);
  }

  listOutputsByType(type: DependencyType): OutputSpec[] {
    return [...this.outputs.values()].filter((o) => o.outputType === type);
  }

  /** Spec and contract must agree both ways; with no contract there is nothing to compare. */
  validateContractAlignment(): ValidationResult {
    return validateContractAlignment(this, this.scriptContract);
  }
}

export function validateContractAlignment(
  spec: { dependencies: ReadonlyMap<string, unknown>; outputs: ReadonlyMap<string, unknown> },
  contract: ScriptContract | undefined,
): ValidationResult {
  if (!contract) return validationResult([]);
  if (!isPlainRecord(contract)) return validationResult([`the script contract must be an object, got ${describeValue(contract)}`]);
  // A contract whose path maps are not objects is reported by validateScriptContract; here it declares nothing.
  const contractInputs = isPlainRecord(contract.expectedInputPaths) ? Object.keys(contract.expectedInputPaths) : [];
  const contractOutputs = isPlainRecord(contract.expectedOutputPaths) ? Object.keys(contract.expectedOutputPaths) : [];
  const depNames = [...spec.dependencies.keys()];
  const outNames = [...spec.outputs.keys()];
  const errors: string[] = [];
  const missingInputs = contractInputs.filter((n) => !spec.dependencies.has(n));
  if (missingInputs.length > 0) errors.push(`Contract inputs missing from specification dependencies: ${pythonSetRepr(missingInputs)}`);
  const missingOutputs = contractOutputs.filter((n) => !spec.outputs.has(n));
  if (missingOutputs.length > 0) errors.push(`Contract outputs missing from specification outputs: ${pythonSetRepr(missingOutputs)}`);
  const undeclaredDeps = depNames.filter((n) => !contractInputs.includes(n));
  if (undeclaredDeps.length > 0) errors.push(`Specification dependencies missing from contract inputs: ${pythonSetRepr(undeclaredDeps)}`);
  const undeclaredOuts = outNames.filter((n) => !contractOutputs.includes(n));
  if (undeclaredOuts.length > 0) errors.push(`Specification outputs missing from contract outputs: ${pythonSetRepr(undeclaredOuts)}`);
  return validationResult(errors);
}
