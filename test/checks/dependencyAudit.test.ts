import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

// `npm audit --omit=dev` used to run here too, but with no runtime dependency it audited nothing and
// could not fail; the audit that means something (of what the bundles contain) needs the registry and
// runs on a connected host before a release (security/README.md).
describe('dependency audit', () => {
  it('ships no npm dependency: everything is bundled at build time (so app.asar has no node_modules)', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
  });
});
