import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// The installed command, as `npx applink-advisor` runs it after `npm ci`.
describe('applink-advisor binary', () => {
  it('runs through npx and assesses the sample inventory', async () => {
    const { stdout } = await run('npx', ['--no-install', 'applink-advisor', 'assess', 'assets/demo-estate.inventory.json', '--format', 'json']);
    const { links } = JSON.parse(stdout);
    expect(links.length).toBeGreaterThan(10);
    expect(links.map((l: { recommended: string }) => l.recommended)).toEqual(expect.arrayContaining(['OAUTH', 'OAUTH_IMPERSONATION', 'OAUTH2', 'EXTERNAL', 'NONE', 'UNDETERMINED']));
  });

  it('exits 2 on a broken inventory', async () => {
    const error = await run('node', ['bin/applink-advisor.mjs', 'assess', 'package.json']).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 2, stderr: expect.stringMatching(/package\.json: format: /) });
  });
});
