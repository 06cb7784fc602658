import { defineCheck } from '../check/check-definition.js';
import { type AnyBuilderRegistration, BuilderRegistry } from '@stepscore/step-builder';
import type { CheckDefinition } from '../check/check-definition.js';

// What a user's modules may export, taken apart the same way in the main thread and in every worker. The
// checks are by shape, not `instanceof`: a registry made with another copy of the package is as good.

interface RegistryLike {
  all(): unknown[];
  get(name: string): unknown;
  names(): string[];
}

function isRegistry(value: unknown): value is RegistryLike {
  const candidate = value as Partial<RegistryLike> | null | undefined;
  return typeof candidate?.all === 'function' && typeof candidate.get === 'function' && typeof candidate.names === 'function';
}

function isRegistration(value: unknown): value is AnyBuilderRegistration {
  const candidate = value as Partial<AnyBuilderRegistration> | null | undefined;
  return typeof candidate?.stepName === 'string' && typeof candidate.builderClass === 'function';
}

function isRegistrationList(value: unknown): value is AnyBuilderRegistration[] {
  return Array.isArray(value) && value.length > 0 && value.every(isRegistration);
}

function asRegistry(value: unknown): BuilderRegistry | undefined {
  if (isRegistry(value)) return value as unknown as BuilderRegistry;
  if (isRegistrationList(value)) return new BuilderRegistry(value);
  return undefined;
}

/**
 * The builders a module exports: the export named `exportName`, or else the default export, or else the one
 * named export that is a BuilderRegistry or an array of registrations.
 * @throws Error saying what the module exports instead.
 */
export function registryFromModule(namespace: Record<string, unknown>, moduleName: string, exportName?: string): BuilderRegistry {
  const accepted = 'a BuilderRegistry (new BuilderRegistry([...])) or an array of defineBuilder(...) registrations';
  if (exportName !== undefined) {
    if (!(exportName in namespace)) throw new Error(`${moduleName} has no export '${exportName}' (exports: ${exportNames(namespace)})`);
    const registry = asRegistry(namespace[exportName]);
    if (!registry) throw new Error(`${moduleName}'s export '${exportName}' is not ${accepted}`);
    return registry;
  }
  const fromDefault = asRegistry(namespace['default']);
  if (fromDefault) return fromDefault;
  const named = Object.entries(namespace).filter(([name, value]) => name !== 'default' && asRegistry(value) !== undefined);
  if (named.length === 1) return asRegistry(named[0]![1])!;
  if (named.length > 1) {
    throw new Error(
      `${moduleName} exports several sets of builders (${named.map(([n]) => n).join(', ')}): name the one to use with buildersExport in the stepscore config`,
    );
  }
  throw new Error(`${moduleName} exports no builders: export ${accepted}, as the default export or a named one (exports: ${exportNames(namespace)})`);
}

/** The checks a module exports: an array of check definitions as the default export or as `checks`. */
export function checksFromModule(namespace: Record<string, unknown>, moduleName: string): CheckDefinition[] {
  const value = namespace['default'] ?? namespace['checks'];
  const isCheck = (c: unknown) => typeof (c as CheckDefinition | null)?.id === 'string' && typeof (c as CheckDefinition).run === 'function';
  if (!Array.isArray(value) || !value.every(isCheck)) {
    throw new Error(
      `${moduleName} must export an array of checks (defineCheck(...)) as the default export or as 'checks' (exports: ${exportNames(namespace)})`,
    );
  }
  // The same rules as defineCheck: a check without a valid id, level or severity cannot be scored.
  return (value as CheckDefinition[]).map((check) => {
    try {
      return defineCheck(check);
    } catch (error) {
      throw new Error(`${moduleName}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

function exportNames(namespace: Record<string, unknown>): string {
  const names = Object.keys(namespace);
  return names.length > 0 ? names.join(', ') : 'none';
}
