import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppLog } from '../../../electron/app/log.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-log-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the local log', () => {
  it('writes one JSON object per line and keeps only numbers, flags and closed vocabularies', async () => {
    const log = new AppLog(dir);
    log.write({ event: 'operation-failed', operation: 'links.save', code: 'invalid-argument', ms: 3, message: 'link "Secret project ↔ Wiki" has password hunter2' } as never);
    log.write({ event: 'workspace-opened', links: 17, readOnly: false, path: '/home/alice/Secret project' } as never);
    const lines = (await readFile(log.file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ at: expect.any(String), event: 'operation-failed', operation: 'links.save', code: 'invalid-argument', ms: 3 });
    expect(lines[1]).toEqual({ at: expect.any(String), event: 'workspace-opened', links: 17, readOnly: false });
    expect(await readFile(log.file, 'utf8')).not.toMatch(/Secret|hunter2|alice/);
  });

  it('rotates at its size limit and keeps the newest files only', async () => {
    const log = new AppLog(dir, 2_000, 2);
    for (let i = 0; i < 200; i++) log.write({ event: 'operation', operation: 'links.save', ms: i });
    expect((await readdir(dir)).sort()).toEqual(['applink-advisor.1.log', 'applink-advisor.2.log', 'applink-advisor.log']);
    expect(log.tail(1)[0]).toContain('"ms":199');
  });
});
