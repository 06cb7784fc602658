/** Whether a value can be read as a record of fields (not null, not an array). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as JSON for a message; never throws, whatever the value (bigints, symbols, null-prototype objects). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || typeof value === 'function') return typeof value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  }
}

/** A logical name as written, or a description of what stands in its place. */
export function nameLabel(value: unknown): string {
  return typeof value === 'string' ? value : describeValue(value);
}
