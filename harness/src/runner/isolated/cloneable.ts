// A check result crosses from the worker to the main thread by structured clone. Evidence is whatever a check
// saw, and a misbehaving builder can hand it functions or promises, which do not clone: those become
// descriptions, everything else stays as it was.

function isCloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

function describeUncloneable(value: unknown): string {
  if (typeof value === 'function') return `[Function ${value.name || '(anonymous)'}]`;
  if (typeof value === 'symbol') return value.toString();
  if (value instanceof Promise) return '[Promise]';
  return `[${Object.prototype.toString.call(value).slice(8, -1)}]`;
}

function toCloneable(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return describeUncloneable(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet) return describeUncloneable(value);
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(toCloneable(k, seen), toCloneable(v, seen));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    seen.set(value, copy);
    for (const v of value) copy.add(toCloneable(v, seen));
    return copy;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(toCloneable(item, seen));
    return copy;
  }
  if (isCloneable(value)) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [k, v] of Object.entries(value)) copy[k] = toCloneable(v, seen);
  return copy;
}

/** The value itself when it clones, otherwise a copy with the parts that do not clone described. */
export function cloneable<T>(value: T): T {
  return isCloneable(value) ? value : (toCloneable(value, new Map()) as T);
}
