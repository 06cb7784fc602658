/**
 * A check's evidence as plain JSON: what the JSON report can hold and read back the same.
 * Maps become objects, sets arrays, errors `{name, message}`, bigints strings; undefined fields are dropped.
 */
export function toJsonValue(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof Map) return Object.fromEntries(v);
    if (v instanceof Set) return [...v];
    if (v instanceof Error) return { name: v.name, message: v.message };
    if (typeof v === 'function' || typeof v === 'symbol') return undefined;
    return v;
  });
  return text === undefined ? null : (JSON.parse(text) as unknown);
}
