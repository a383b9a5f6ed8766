import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('dependency audit', () => {
  it('ships no npm dependency: everything is bundled at build time (so app.asar has no node_modules)', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
  });

  it('npm audit --omit=dev finds no vulnerability in what ships (security/README.md)', async () => {
    const report = await new Promise<string>((resolve, reject) => {
      // npm audit exits 1 when it finds something; the JSON is what counts.
      execFile('npm', ['audit', '--omit=dev', '--json'], { timeout: 60_000 }, (error, stdout) => (stdout ? resolve(stdout) : reject(error ?? new Error('npm audit printed nothing'))));
    });
    const audit = JSON.parse(report) as { metadata: { vulnerabilities: Record<string, number> } };
    expect(audit.metadata.vulnerabilities.total).toBe(0);
  }, 90_000);
});
