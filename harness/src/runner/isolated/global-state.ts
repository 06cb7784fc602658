// A worker runs several builders in turn: what one builder changes in the environment or the globals must
// not reach the next. A worker has its own `process.env` and module instances; this puts back, after each
// builder, what a builder can change that every later builder shares: environment variables, properties of
// the global object and of the standard built-ins (a replaced `Date.now`, a property added to
// `Object.prototype`). State inside modules (an exported object someone mutated) is not covered.
//
// A snapshot is taken once (a worker takes it when it has loaded everything) and restored as often as needed:
// restoring compares every property with the snapshot, and only writes what differs.

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

// Captured now, and only index loops below: a builder may have replaced any method or iterator by the time a
// restore runs.
const { ownKeys, getOwnPropertyDescriptor, defineProperty, deleteProperty, set } = Reflect;
const { keys: objectKeys, entries: objectEntries, create: createObject, is, setPrototypeOf } = Object;

/** One object's own properties: keys in order, and each key's descriptor at the same index. */
interface SavedProperties {
  readonly target: object;
  readonly keys: readonly PropertyKey[];
  readonly descriptors: readonly PropertyDescriptor[];
}

function saveProperties(target: object): SavedProperties {
  const keys = ownKeys(target);
  // Without a prototype, a saved descriptor cannot pick up a `get` or `value` someone adds to Object.prototype.
  const descriptors = keys.map((key) => setPrototypeOf(getOwnPropertyDescriptor(target, key) as PropertyDescriptor, null) as PropertyDescriptor);
  return { target, keys, descriptors };
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return (
    is(a.value, b.value) &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    a.configurable === b.configurable
  );
}

/** Whether the object has exactly the saved keys, each with its saved descriptor; reads descriptors only, runs no getter. */
function unchanged({ target, keys, descriptors }: SavedProperties): boolean {
  if (ownKeys(target).length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const current = getOwnPropertyDescriptor(target, keys[i] as PropertyKey);
    if (!current || !sameDescriptor(current, descriptors[i] as PropertyDescriptor)) return false;
  }
  return true;
}

/** Puts the object's own properties back as they were; what cannot be put back (non-configurable) stays. */
function restoreProperties({ target, keys, descriptors }: SavedProperties): void {
  const kept: Record<PropertyKey, true> = createObject(null);
  for (let i = 0; i < keys.length; i++) kept[keys[i] as PropertyKey] = true;
  const current = ownKeys(target);
  for (let i = 0; i < current.length; i++) {
    const key = current[i] as PropertyKey;
    if (kept[key] !== true) deleteProperty(target, key);
  }
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as PropertyKey;
    const descriptor = descriptors[i] as PropertyDescriptor;
    const now = getOwnPropertyDescriptor(target, key);
    if (now && sameDescriptor(now, descriptor)) continue;
    if (!defineProperty(target, key, descriptor) && now?.writable) set(target, key, descriptor.value);
  }
}

export interface GlobalStateSnapshot {
  /** Puts everything back as it was when the snapshot was taken; may be called any number of times. */
  restore(): void;
}

export function snapshotGlobalState(): GlobalStateSnapshot {
  const envObject = process.env;
  const env = objectEntries(envObject);
  const shared = SHARED_OBJECTS.map(saveProperties);
  const envUnchanged = (): boolean => {
    if (process.env !== envObject || objectKeys(envObject).length !== env.length) return false;
    for (let i = 0; i < env.length; i++) {
      const [key, value] = env[i] as [string, string | undefined];
      if (envObject[key] !== value) return false;
    }
    return true;
  };
  return {
    restore() {
      for (let i = 0; i < shared.length; i++) {
        const saved = shared[i] as SavedProperties;
        if (!unchanged(saved)) restoreProperties(saved);
      }
      if (envUnchanged()) return;
      if (process.env !== envObject) process.env = envObject;
      const saved: Record<string, string | undefined> = createObject(null);
      for (let i = 0; i < env.length; i++) {
        const [key, value] = env[i] as [string, string | undefined];
        saved[key] = value;
      }
      const current = objectKeys(envObject);
      for (let i = 0; i < current.length; i++) {
        const key = current[i] as string;
        if (!(key in saved)) delete envObject[key];
      }
      for (let i = 0; i < env.length; i++) {
        const [key, value] = env[i] as [string, string | undefined];
        if (envObject[key] !== value) envObject[key] = value;
      }
    },
  };
}
