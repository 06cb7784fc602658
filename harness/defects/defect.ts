import type { BuilderRegistration } from '@stepscore/step-builder';
import type { RootCause } from '../src/check/check-result.js';
import type { RealBuilderName } from './registration-variants.js';

/** Which of a builder's four artefacts the defect changes (the default config counts with its schema). */
export type DefectArtefact = 'config' | 'contract' | 'spec' | 'builder';

/**
 * One kind of mistake, seeded into a copy of a real builder: a single small change (one field, one path,
 * one method), and the check that must catch it.
 */
export interface SeededDefect {
  /** Stable, kebab-case, prefixed with the artefact: `spec.alias-collides`. */
  readonly id: string;
  readonly title: string;
  /** The change, in words: what was edited and to what. */
  readonly change: string;
  readonly artefact: DefectArtefact;
  readonly base: RealBuilderName;
  /** The id of the check that must fail on it, e.g. `level2.specification_valid`. */
  readonly caughtBy: string;
  /** A fragment the failure message must contain: the field, path or name the check should point at. */
  readonly messageFragment: string;
  /**
   * Set when the declared check can only see the defect as a prerequisite that could not be made (the config
   * or the builder): it then fails with that root cause. Left out, the check must fail on its own evidence.
   */
  readonly rootCause?: RootCause['kind'];
  make(): BuilderRegistration;
}

export function defineDefect(defect: SeededDefect): SeededDefect {
  if (!/^(config|contract|spec|builder)\.[a-z0-9]+(-[a-z0-9]+)*$/.test(defect.id) || !defect.id.startsWith(`${defect.artefact}.`)) {
    throw new Error(`Defect id '${defect.id}' must be '${defect.artefact}.<kebab-case-name>'`);
  }
  return defect;
}
