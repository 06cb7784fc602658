const LOGICAL_NAME = /^[A-Za-z0-9_-]+$/;

/** Errors for a logical name or alias; `field` is how the message names it. */
export function logicalNameErrors(value: unknown, field: string): string[] {
  if (typeof value !== 'string') return [`${field} must be a string`];
  const trimmed = value.trim();
  if (trimmed.length === 0) return [`${field} must not be empty`];
  if (!LOGICAL_NAME.test(trimmed)) {
    return [`${field} should contain only alphanumeric characters, underscores, and hyphens (got ${JSON.stringify(value)})`];
  }
  return [];
}

/** Trim, drop blanks and duplicates, keeping first-seen order. */
export function cleanStringList(values: readonly string[] | undefined, lowercase = false): string[] {
  const out: string[] = [];
  for (const raw of values ?? []) {
    const v = lowercase ? raw.trim().toLowerCase() : raw.trim();
    if (v.length > 0 && !out.includes(v)) out.push(v);
  }
  return out;
}
