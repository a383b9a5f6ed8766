/** Numeric components of a version such as `9.12.4` or `10.3.1-m0002` (suffix ignored). */
export function versionParts(version: string): number[] {
  const match = /^\d+(\.\d+)*/.exec(version.trim());
  return match ? match[0].split('.').map(Number) : [];
}

/** Compares two versions component by component, so 11.10 > 11.2 and 10.1 = 10.1.0. */
export function compareVersions(a: string, b: string): number {
  const left = versionParts(a);
  const right = versionParts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return 0;
}

/** True when `min <= version < maxExclusive` (either bound optional). */
export function versionInRange(version: string, min: string | null, maxExclusive: string | null): boolean {
  return (min === null || compareVersions(version, min) >= 0) && (maxExclusive === null || compareVersions(version, maxExclusive) < 0);
}
