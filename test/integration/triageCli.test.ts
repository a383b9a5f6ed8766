import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../shared/engine/triage.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { cli } from '../fixtures/cli.ts';
import { makeLink, mirrored, TA } from '../fixtures/links.ts';
import type { Link } from '../../shared/model/link.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-triage-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const day = (offset: number) => localDay(new Date(Date.now() + offset * 86_400_000));

/** A workspace with one Trusted Apps link (R06 high, R03 and R21 info fire), opened once as the app would. */
async function workspace(name: string): Promise<string> {
  const root = path.join(dir, name);
  const store = new WorkspaceStore(root);
  await store.open([], 'test');
  await store.save(makeLink({ id: 'ta', name: 'Jira ↔ Wiki', config: mirrored(TA) }));
  return root;
}

/** Every file under a folder with its content: what "nothing was written" is checked against. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files[path.relative(root, file)] = await readFile(file, 'utf8');
    }
  }
  return files;
}

describe('applink-advisor triage', () => {
  it('records an accepted risk with reason, owner and due day, as a history entry after a backup', async () => {
    const root = await workspace('records');
    const { code, out, err } = await cli('triage', '--workspace', root, '--link', 'ta', '--rule', 'r06', '--status', 'accepted-risk',
      '--reason', 'Server retired in March', '--owner', 'Ann Admin', '--due', '2027-03-31');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('ta R06: Accepted risk until 31 Mar 2027 — Server retired in March — owner: Ann Admin. Saved as revision 2');
    const store = new WorkspaceStore(root);
    const saved = (await store.get('ta'))!;
    expect(saved.link.triage).toEqual({ R06: { status: 'accepted-risk', reason: 'Server retired in March', owner: 'Ann Admin', due: '2027-03-31', at: expect.any(String) } });
    const history = await store.historyOf('ta');
    expect(history.at(-1)).toMatchObject({ revision: 2, event: 'triage R06: accepted-risk' });
    expect(await store.backups.list()).toHaveLength(1);
  });

  it('--status open clears a decision; clearing one that is not there changes nothing', async () => {
    const root = await workspace('clears');
    expect((await cli('triage', '--workspace', root, '--link', 'ta', '--rule', 'R06', '--status', 'false-positive', '--reason', 'Proxy')).code).toBe(0);
    const cleared = await cli('triage', '--workspace', root, '--link', 'ta', '--rule', 'R06', '--status', 'open');
    expect(cleared.code).toBe(0);
    expect(cleared.out).toContain('open (decision cleared)');
    expect((await new WorkspaceStore(root).get('ta'))!.link.triage).toBeUndefined();
    const before = await snapshot(root);
    const again = await cli('triage', '--workspace', root, '--link', 'ta', '--rule', 'R06', '--status', 'open');
    expect(again).toMatchObject({ code: 0, out: expect.stringContaining('Nothing changed') });
    expect(await snapshot(root)).toEqual(before);
  });

  it.each([
    ['a missing reason for accepted-risk', ['--rule', 'R06', '--status', 'accepted-risk'], /--reason: Give a reason: an accepted risk must say why/],
    ['a blank reason for false-positive', ['--rule', 'R06', '--status', 'false-positive', '--reason', '   '], /--reason: Give a reason: a false positive must say why/],
    ['an unknown status', ['--rule', 'R06', '--status', 'wontfix', '--reason', 'x'], /--status: The status must be one of open, accepted-risk, false-positive, fixed-pending-verification, not "wontfix"/],
    ['a day that does not exist', ['--rule', 'R06', '--status', 'accepted-risk', '--reason', 'x', '--due', '2027-02-30'], /--due: The review date must be a real day written YYYY-MM-DD/],
    ['a date in another format', ['--rule', 'R06', '--status', 'accepted-risk', '--reason', 'x', '--due', '31/03/2027'], /--due: .*not "31\/03\/2027"/],
    ['a rule that does not fire for the link', ['--rule', 'R11', '--status', 'accepted-risk', '--reason', 'x'], /Rule "R11" does not fire for link "ta"; the rules that do: R06, R03, R21\. Nothing was saved\./],
    ['an unknown link', ['--rule', 'R06', '--status', 'accepted-risk', '--reason', 'x', '--link', 'nope'], /There is no link "nope" in .*Nothing was saved\./],
  ])('exits 2 on %s and writes nothing', async (_, args, message) => {
    const root = await workspace(`refuses-${Math.random().toString(36).slice(2)}`);
    const before = await snapshot(root);
    const argv = args.includes('--link') ? args : ['--link', 'ta', ...args];
    const { code, err } = await cli('triage', '--workspace', root, ...argv);
    expect(err).toMatch(message);
    expect(code).toBe(2);
    expect(await snapshot(root)).toEqual(before);
  });

  it('exits 2 for a workspace folder that does not exist, and does not create it', async () => {
    const missing = path.join(dir, 'no-such-workspace');
    const { code, err } = await cli('triage', '--workspace', missing, '--link', 'ta', '--rule', 'R06', '--status', 'fixed-pending-verification');
    expect(code).toBe(2);
    expect(err).toContain('does not exist');
    await expect(readdir(missing)).rejects.toThrow();
  });

  it('exits 64 without --link, --rule or --status', async () => {
    const { code, err } = await cli('triage', '--workspace', dir, '--rule', 'R06');
    expect(code).toBe(64);
    expect(err).toContain('triage needs --link, --status');
  });

  it('removes a secret pasted into the reason or owner before saving, and says so', async () => {
    const root = await workspace('secrets');
    const token = 'ATATT3xFfGF0T7Ylmk2sdfsdf8sdf7sdf6sdf5sdf4sdf3sdf2sdf1sdf0AbCdEfGhIjKlMnOp=1A2B3C4D';
    const { code, err } = await cli('triage', '--workspace', root, '--link', 'ta', '--rule', 'R06', '--status', 'accepted-risk',
      '--reason', `Accepted; tested with curl -H "Authorization: Bearer ${token}"`, '--owner', 'ops password=hunter2secret');
    expect(code).toBe(0);
    expect(err).toMatch(/--reason: 1 secret removed before saving/);
    expect(err).toMatch(/--owner: 1 secret removed before saving/);
    const files = Object.values(await snapshot(root)).join('\n');
    expect(files).not.toContain(token);
    expect(files).not.toContain('hunter2secret');
    expect((await new WorkspaceStore(root).get('ta'))!.link.triage!.R06!.reason).toContain('[removed: ');
  });
});

describe('counting open findings: settled decisions leave the counts, expired ones come back', () => {
  async function inventory(name: string, triage: Link['triage']): Promise<string> {
    const file = path.join(dir, `${name}.inventory.json`);
    const link = { ...makeLink({ id: 'ta', name: 'TA link', config: mirrored(TA) }), ...(triage ? { triage } : {}) };
    await writeFile(file, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [link, makeLink({ id: 'other', name: 'Other' })] }));
    return file;
  }

  it('assess --fail-on high: exit 3 while R06 is open, 0 once accepted, 3 again when the acceptance expired', async () => {
    const open = await cli('assess', await inventory('open', undefined), '--fail-on', 'high');
    expect(open.code).toBe(3);
    expect(open.err).toMatch(/worst finding: 1 high, /);

    const accepted = await cli('assess', await inventory('accepted', { R06: { status: 'accepted-risk', reason: 'Retired soon', due: day(30) } }), '--fail-on', 'high');
    expect(accepted.code).toBe(0);
    expect(accepted.err).not.toMatch(/1 high/);
    expect(accepted.err).toMatch(/; triage: 1 accepted\.$/m);
    expect(accepted.out).toMatch(/\[high\] R06 LEGACY_UPDATE \(primary\): .*\n.*\n {6}Triage: Accepted risk until /);

    const expired = await cli('assess', await inventory('expired', { R06: { status: 'accepted-risk', reason: 'Retired soon', due: day(-1) } }), '--fail-on', 'high');
    expect(expired.code).toBe(3);
    expect(expired.err).toMatch(/worst finding: 1 high, .*; triage: 1 expired\./);
    expect(expired.out).toContain('acceptance expired on');

    // Fixed, pending verification still counts: the finding fires until the link is assessed without it.
    const pending = await cli('assess', await inventory('pending', { R06: { status: 'fixed-pending-verification' } }), '--fail-on', 'high');
    expect(pending.code).toBe(3);
  });

  it('assess --format json gives each finding its triage', async () => {
    const { out } = await cli('assess', await inventory('json', { R06: { status: 'false-positive', reason: 'Not TA after all', owner: 'Bo' } }), '--format', 'json');
    const finding = JSON.parse(out).links[0].findings.find((f: { rule: string }) => f.rule === 'R06');
    expect(finding.triage).toEqual({ status: 'false-positive', expired: false, decision: { status: 'false-positive', reason: 'Not TA after all', owner: 'Bo' } });
  });

  it('assess --format csv adds the worst open finding and the settled rules', async () => {
    const { out } = await cli('assess', await inventory('csv', { R06: { status: 'false-positive', reason: 'Not TA after all' } }), '--format', 'csv');
    const [header, row] = out.split('\r\n');
    expect(header!.endsWith('"worst_open_severity","settled_rules"') || header!.endsWith('worst_open_severity,settled_rules')).toBe(true);
    expect(row).toMatch(/^"ta","TA link","OAUTH_IMPERSONATION","high",.*,"info","R06"$/);
  });

  it('list and servers show the worst OPEN finding; list shows the settled ones apart', async () => {
    const root = await workspace('list');
    const before = await cli('list', '--workspace', root);
    expect(before.out).toMatch(/^ta +OAUTH_IMPERSONATION +high +- +Jira ↔ Wiki$/m);
    await cli('triage', '--workspace', root, '--link', 'ta', '--rule', 'R06', '--status', 'accepted-risk', '--reason', 'Retired soon');
    const after = await cli('list', '--workspace', root);
    expect(after.out).toMatch(/^ID +RECOMMENDED +WORST OPEN +TRIAGED +NAME$/m);
    expect(after.out).toMatch(/^ta +OAUTH_IMPERSONATION +info +1 accepted +Jira ↔ Wiki$/m);
    const json = JSON.parse((await cli('list', '--workspace', root, '--format', 'json')).out);
    expect(json.links[0]).toMatchObject({ worstSeverity: 'info', triage: { acceptedRisk: 1, expired: 0 } });
    const servers = JSON.parse((await cli('servers', '--workspace', root, '--format', 'json')).out).servers;
    expect(servers.map((s: { worstSeverity: string }) => s.worstSeverity)).toEqual(['info', 'info']);
  });
});
