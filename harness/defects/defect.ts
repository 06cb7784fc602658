import type { BuilderRegistration } from '@stepscore/step-builder';
import type { Severity } from '../src/check/check-definition.js';
import type { RootCause } from '../src/check/check-result.js';
import type { RealBuilderName } from './registration-variants.js';

/** Which of a builder's four artefacts the defect changes (the default config counts with its schema). */
export type DefectArtefact = 'config' | 'contract' | 'spec' | 'builder';

/**
 * The kinds of mistake real builders make (issue 10, Build 3), and two more the corpus has always held: an
 * interface the harness cannot drive, and a specification that disagrees with itself or its contract.
 */
export const DEFECT_CLASSES = {
  'schema-admits-refused': 'The schema admits what SageMaker refuses',
  'request-breaks-service-model': 'The request breaks the service model',
  'contract-request-disagree': 'Contract and request disagree',
  'setting-not-reaching-request': 'A config setting does not reach the request',
  'value-encoded-wrongly': 'Values encoded wrongly',
  'pipeline-wires-wrong-data': 'The pipeline wires the wrong data',
  'not-reproducible': 'Not reproducible',
  specification: 'Specification and contract inconsistent',
  interface: 'The builder interface is broken',
} as const;
export type DefectClass = keyof typeof DEFECT_CLASSES;

/** The seven classes of Build 3: the corpus must hold at least three realistic defects of each. */
export const BUILD_3_CLASSES: readonly DefectClass[] = [
  'schema-admits-refused',
  'request-breaks-service-model',
  'contract-request-disagree',
  'setting-not-reaching-request',
  'value-encoded-wrongly',
  'pipeline-wires-wrong-data',
  'not-reproducible',
];

/**
 * One mistake a builder author makes, seeded into a copy of a real builder: a small edit to its schema, default
 * config, contract, spec or code, and the check that must catch it at the severity that check declares.
 */
export interface SeededDefect {
  /** Stable, kebab-case, prefixed with the artefact: `spec.alias-collides`. */
  readonly id: string;
  readonly title: string;
  /** The edit, in words, as its author would describe the diff. */
  readonly change: string;
  readonly artefact: DefectArtefact;
  readonly defectClass: DefectClass;
  readonly base: RealBuilderName;
  /** The id of the check that must fail on it, e.g. `level2.specification_valid`. */
  readonly caughtBy: string;
  /** The severity `caughtBy` declares: a blocker must rate the builder Poor. */
  readonly severity: Severity;
  /** A fragment the failure message must contain: the field, path or name the check should point at. */
  readonly messageFragment: string;
  /**
   * Set when the declared check can only see the defect as a prerequisite that could not be made (the config
   * or the builder): it then fails with that root cause. Left out, the check must fail on its own evidence.
   */
  readonly rootCause?: RootCause['kind'];
  /**
   * Set when no check catches this realistic defect yet: why, and what `caughtBy` would have to judge to catch it.
   * The corpus keeps it, lists it as missed, and fails when it starts being caught so the marker is removed.
   */
  readonly knownMiss?: string;
  make(): BuilderRegistration;
}

export function defineDefect(defect: SeededDefect): SeededDefect {
  if (!/^(config|contract|spec|builder)\.[a-z0-9]+(-[a-z0-9]+)*$/.test(defect.id) || !defect.id.startsWith(`${defect.artefact}.`)) {
    throw new Error(`Defect id '${defect.id}' must be '${defect.artefact}.<kebab-case-name>'`);
  }
  return defect;
}
