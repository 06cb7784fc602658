/** Dotted framework versions compared numerically part by part (`1.13.1` after `1.3`), as packaging.version orders them; a missing part counts as 0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Whether dotted version `a` is `b` or later. */
export function versionAtLeast(a: string, b: string): boolean {
  return compareVersions(a, b) >= 0;
}
