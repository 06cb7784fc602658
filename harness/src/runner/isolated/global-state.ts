// One worker runs several builders in turn: what one builder changes in the environment or the globals must
// not reach the next. A worker has its own `process.env` and module instances; this puts back, after each
// builder, what a builder can change that every later builder shares: environment variables, properties of
// the global object and of the standard built-ins (a replaced `Date.now`, a property added to
// `Object.prototype`). State inside modules (an exported object someone mutated) is not covered.

type Descriptors = Map<PropertyKey, PropertyDescriptor>;

const SHARED_OBJECTS: readonly object[] = [
  globalThis,
  Object,
  Object.prototype,
  Function.prototype,
  Array,
  Array.prototype,
  String,
  String.prototype,
  Number,
  Number.prototype,
  Boolean.prototype,
  Symbol,
  Promise,
  Promise.prototype,
  Date,
  Date.prototype,
  RegExp.prototype,
  Map.prototype,
  Set.prototype,
  Error,
  Error.prototype,
  JSON,
  Math,
  Reflect,
];

function descriptorsOf(target: object): Descriptors {
  return new Map(Reflect.ownKeys(target).map((key) => [key, Reflect.getOwnPropertyDescriptor(target, key) as PropertyDescriptor]));
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return (
    a.value === b.value &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    a.configurable === b.configurable
  );
}

/** Puts the object's own properties back as they were; what cannot be put back (non-configurable) stays. */
function restoreDescriptors(target: object, saved: Descriptors): void {
  for (const key of Reflect.ownKeys(target)) {
    if (!saved.has(key)) Reflect.deleteProperty(target, key);
  }
  for (const [key, descriptor] of saved) {
    const current = Reflect.getOwnPropertyDescriptor(target, key);
    if (current && sameDescriptor(current, descriptor)) continue;
    if (!Reflect.defineProperty(target, key, descriptor) && current?.writable) Reflect.set(target, key, descriptor.value);
  }
}

export interface GlobalStateSnapshot {
  restore(): void;
}

export function snapshotGlobalState(): GlobalStateSnapshot {
  const envObject = process.env;
  const env = { ...process.env };
  const shared = SHARED_OBJECTS.map((target) => [target, descriptorsOf(target)] as const);
  return {
    restore() {
      for (const [target, saved] of shared) restoreDescriptors(target, saved);
      if (process.env !== envObject) process.env = envObject;
      for (const key of Object.keys(process.env)) {
        if (!(key in env)) delete process.env[key];
      }
      for (const [key, value] of Object.entries(env)) {
        if (process.env[key] !== value) process.env[key] = value;
      }
    },
  };
}
