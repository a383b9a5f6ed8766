// Versions are compared as one number each: up to four components of three digits
// (11.10.2 → 11_010_002_000), so 11.10 > 11.2 and 10.1 = 10.1.0. An estate has few distinct
// versions and the engine compares them many times per link, so each string is parsed once.
const keys = new Map<string, number>();
const MAX_CACHED = 50_000;

/** A number that orders versions such as `9.12.4` or `10.3.1-m0002` (suffix ignored) numerically by component. */
export function versionKey(version: string): number {
  let key = keys.get(version);
  if (key === undefined) {
    const match = /^\d+(\.\d+)*/.exec(version.trim());
    const parts = match ? match[0].split('.').map(Number) : [];
    key = 0;
    for (let i = 0; i < 4; i++) key = key * 1000 + Math.min(parts[i] ?? 0, 999);
    if (keys.size >= MAX_CACHED) keys.clear();
    keys.set(version, key);
  }
  return key;
}

/** Compares two versions component by component: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  return Math.sign(versionKey(a) - versionKey(b));
}

/** True when `min <= version < maxExclusive` (either bound optional). */
export function versionInRange(version: string, min: string | null, maxExclusive: string | null): boolean {
  const key = versionKey(version);
  return (min === null || key >= versionKey(min)) && (maxExclusive === null || key < versionKey(maxExclusive));
}
