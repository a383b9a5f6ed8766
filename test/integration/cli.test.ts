import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { acquireWorkspaceLock } from '../../electron/workspace/lock.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { makeLink } from '../fixtures/links.ts';
import { DEMO_LINKS } from '../fixtures/demoEstateSize.ts';
import { cli } from '../fixtures/cli.ts';
import { INVENTORY_FORMAT } from '../../shared/model/inventory.ts';
import { REPORT_FORMATS } from '../../shared/model/vocabulary.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('applink-advisor assess', () => {
  it('prints verdicts as JSON with the documented fields', async () => {
    const { code, out } = await cli('assess', 'assets/demo-estate.inventory.json', '--format', 'json');
    expect(code).toBe(0);
    const { links } = JSON.parse(out);
    const jiraWiki = links.find((l: { id: string }) => l.id === 'jira-wiki');
    expect(jiraWiki).toMatchObject({
      recommended: 'OAUTH_IMPERSONATION', updatePath: 1, checklists: ['ta-to-oauth'],
      path: ['START', 'Q_ADMIN', 'Q_TRUST', 'Q_ATL', 'Q_O2', 'Q_USERS', 'O_IMP'],
      oauth2: { status: 'not-eligible', blockers: expect.any(Array) },
    });
    expect(jiraWiki.findings[0]).toMatchObject({ rule: 'R06', code: 'LEGACY_UPDATE', severity: 'high', primary: true });
  });

  it('prints a readable table by default', async () => {
    const { code, out } = await cli('assess', 'assets/demo-estate.inventory.json');
    expect(code).toBe(0);
    expect(out).toMatch(/jira-wiki {2}Jira ↔ Wiki \(Confluence\)\n {2}Recommended: {2}OAUTH_IMPERSONATION/);
    expect(out).toMatch(/\[high\] R06 LEGACY_UPDATE \(primary\)/);
  });

  it('exits 2 with one message per problem, naming the file and JSON path, and assesses nothing', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [
      { id: 'a', name: 'A', local: { product: 'jira' }, remote: { product: 'confluence' }, config: { local: { outgoing: [], incoming: [] } } },
      { id: 'b', name: 'B', local: { product: 'sharepoint' }, remote: { product: 'confluence' }, config: { local: { outgoing: ['kerberos'], incoming: [] } } },
    ] }));
    const { code, out, err } = await cli('assess', file, '--format', 'json');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`${file}: links[1].local.product: expected one of jira, jsm, confluence`);
    expect(err).toContain(`${file}: links[1].config.local.outgoing[0]: expected one of trustedApps`);
  });

  it('exits 2 on invalid JSON with the line and column', async () => {
    const file = path.join(dir, 'syntax.json');
    await writeFile(file, '{\n  "format": "applink-advisor.inventory",\n  "links": [\n');
    const { code, err } = await cli('assess', file);
    expect(code).toBe(2);
    expect(err).toMatch(/syntax\.json: line \d+, column \d+: not valid JSON/);
  });

  it('exits 2 on a missing file and 64 on a wrong command line', async () => {
    expect((await cli('assess', path.join(dir, 'missing.json'))).code).toBe(2);
    expect((await cli('assess', 'a.json', '--format', 'xml')).code).toBe(64);
    expect((await cli('assess', 'a.json', '--colour')).code).toBe(64);
    expect((await cli('frobnicate')).code).toBe(64);
  });

  it('prints the checklist of a link as Markdown, with its update path and item ids', async () => {
    const { code, out } = await cli('checklist', 'assets/demo-estate.inventory.json', '--link', 'jira-wiki');
    expect(code).toBe(0);
    expect(out).toMatch(/^# Trusted Applications \/ Basic → OAuth: Jira ↔ Wiki \(Confluence\)/);
    expect(out).toContain('**Update path:** 1 — Auto update (recommended)');
    expect(out).toContain('- [ ] `ta-step-auto-update`');
  });

  it('prints the checklist as JSON, including a locked OAuth 2.0 checklist with its reason', async () => {
    const { code, out } = await cli('checklist', 'assets/demo-estate.inventory.json', '--link', 'jira11-wiki10', '--format', 'json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.checklists[0]).toMatchObject({ id: 'oauth-to-oauth2', locked: { reason: expect.stringMatching(/unconfirmed/) } });
    expect(parsed.checklists[0].items[0]).toMatchObject({ id: 'o2-pre-versions', section: 'prerequisites', state: 'open' });
  });

  it('names the ids available when --link is unknown', async () => {
    const { code, err } = await cli('checklist', 'assets/demo-estate.inventory.json', '--link', 'nope');
    expect(code).toBe(2);
    expect(err).toMatch(/no link with id "nope"\. Ids in this file: jira-wiki, /);
    expect((await cli('checklist', 'assets/demo-estate.inventory.json')).code).toBe(64);
  });

  it('verifies a workspace: exit 0 when healthy, 1 with each problem named, nothing moved', async () => {
    const workspace = path.join(dir, 'ws');
    const store = new WorkspaceStore(workspace);
    await store.save(makeLink({ id: 'one' }));
    expect(await cli('workspace', 'verify', '--workspace', workspace)).toMatchObject({ code: 0, out: '1 healthy, 0 with problems; 0 history entries with problems.\n' });
    await writeFile(path.join(workspace, 'links', 'bad.json'), '{');
    const broken = await cli('workspace', 'verify', '--workspace', workspace);
    expect(broken).toMatchObject({ code: 1, out: '1 healthy, 1 with problems; 0 history entries with problems.\n', err: expect.stringMatching(/bad\.json: not valid JSON/) });
    await writeFile(path.join(workspace, 'history', 'one', '000001.json'), '{"schemaVersion": 1}');
    const history = await cli('workspace', 'verify', '--workspace', workspace);
    expect(history).toMatchObject({ code: 1, out: '1 healthy, 1 with problems; 1 history entry with problems.\n', err: expect.stringMatching(/history\/one\/000001\.json: revision/) });
    expect(await readFile(path.join(workspace, 'links', 'bad.json'), 'utf8')).toBe('{');
    const info = await cli('workspace', 'info', '--workspace', workspace);
    expect(info.out).toMatch(/Links: {7}1\n/);
    expect(info.out).toMatch(/Lock: {8}free/);
    const list = JSON.parse((await cli('list', '--workspace', workspace, '--format', 'json')).out);
    expect(list.links).toEqual([expect.objectContaining({ id: 'one', recommended: 'OAUTH_IMPERSONATION' })]);
  });

  it('backs up and restores a workspace, keeping a safety snapshot, and refuses while the app holds it', async () => {
    const workspace = path.join(dir, 'ws-backup');
    const store = new WorkspaceStore(workspace);
    await store.save(makeLink({ id: 'keep', name: 'Before' }));
    const backup = await cli('workspace', 'backup', '--workspace', workspace);
    expect(backup).toMatchObject({ code: 0, out: expect.stringMatching(/^Backed up 1 links as \S+\.\n$/) });
    const id = /as (\S+)\./.exec(backup.out)![1]!;
    await store.save(makeLink({ id: 'keep', name: 'After' }));
    await store.save(makeLink({ id: 'extra' }));
    const restored = await cli('workspace', 'restore', id, '--workspace', workspace);
    expect(restored).toMatchObject({ code: 0, out: expect.stringMatching(/^Restored 1 links from .* kept as /) });
    expect((await store.list()).documents.map((d) => `${d.link.id}:${d.link.name}`)).toEqual(['keep:Before']);
    expect((await cli('workspace', 'backups', '--workspace', workspace)).out).toMatch(/automatic {2}before restoring/);
    const held = await acquireWorkspaceLock(workspace, 'Applink Advisor');
    expect(await cli('workspace', 'backup', '--workspace', workspace)).toMatchObject({ code: 1, err: expect.stringMatching(/read-only here/) });
    if (held.held) await held.release();
    expect(await cli('workspace', 'restore', 'nonsense', '--workspace', workspace)).toMatchObject({ code: 2, err: '"nonsense" is not a backup id. Nothing was changed.\n' });
  });

  it('documents every command and option in --help', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    for (const word of ['assess', 'workspace info|verify', 'list [--workspace DIR]', '--workspace DIR', 'checklist <inventory.json> --link ID', '--link ID', 'export-bundle', 'import-bundle <file>', '--dry-run', '--resolve CHOICE', '--format json|table|md', 'servers [--workspace DIR]', 'plan [--workspace DIR] [--format table|json|md]', 'sign <report>', '--fail-on', '--help', '--version', 'Exit status']) expect(out).toContain(word);
    const reportUsage = out.split('\n').find((line) => line.includes('applink-advisor report ')) ?? '';
    for (const format of REPORT_FORMATS) expect(reportUsage).toMatch(new RegExp(`[ |]${format}[ |]`));
    expect(out).toContain(`format "${INVENTORY_FORMAT}",`);
    expect((await cli('--version')).out).toBe('9.9.9\n');
  });
});

describe('applink-advisor export-bundle and import-bundle', () => {
  it('carries links between workspaces, previews with --dry-run, and needs --resolve for conflicts', async () => {
    const from = path.join(dir, 'bundle-from');
    const to = path.join(dir, 'bundle-to');
    const source = new WorkspaceStore(from);
    await source.saveMany([makeLink({ id: 'shared', name: 'Shared' }), makeLink({ id: 'theirs-only', name: 'Theirs only' })]);
    const target = new WorkspaceStore(to);
    await target.save(makeLink({ id: 'shared', name: 'Shared', notes: 'edited here' }));
    const file = path.join(dir, 'estate.bundle');

    expect(await cli('export-bundle', '--workspace', from, '--out', file)).toMatchObject({ code: 0, out: `Wrote 2 links to ${file}.\n` });
    expect(await cli('export-bundle', '--workspace', from, '--out', file)).toMatchObject({ code: 2, err: expect.stringMatching(/already exists/) });

    const before = await readFile(path.join(to, 'links', 'shared.json'), 'utf8');
    const dry = await cli('import-bundle', file, '--workspace', to, '--dry-run', '--format', 'json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out).rows.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([['shared', 'conflict'], ['theirs-only', 'new']]);

    const refused = await cli('import-bundle', file, '--workspace', to);
    expect(refused).toMatchObject({ code: 2, err: expect.stringMatching(/1 conflicting link \(shared\): choose with --resolve keep-mine\|take-theirs\|keep-both\. Nothing was changed\./) });
    expect(await readFile(path.join(to, 'links', 'shared.json'), 'utf8')).toBe(before);
    expect((await target.list()).documents).toHaveLength(1);

    const merged = await cli('import-bundle', file, '--workspace', to, '--resolve', 'keep-mine');
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/^conflict {3}shared/m);
    expect(merged.err).toMatch(/Merged: 1 added, 0 updated, 0 kept both, 1 kept as they were\. The workspace before is kept as backup /);
    expect((await target.get('shared'))!.link.notes).toBe('edited here');
    expect(await target.get('theirs-only')).not.toBeNull();
  });

  it('refuses a tampered bundle with exit 2 and changes nothing', async () => {
    const from = path.join(dir, 'tamper-from');
    await new WorkspaceStore(from).save(makeLink({ id: 'a', name: 'A' }));
    const file = path.join(dir, 'tampered.bundle');
    await cli('export-bundle', '--workspace', from, '--out', file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"name": "A"', '"name": "B"'));
    const to = path.join(dir, 'tamper-to');
    const result = await cli('import-bundle', file, '--workspace', to);
    expect(result).toMatchObject({ code: 2, err: expect.stringMatching(/tampered\.bundle has been changed since it was made/) });
    expect((await new WorkspaceStore(to).list()).documents).toEqual([]);
  });
});

describe('applink-advisor import', () => {
  const estate = path.resolve('test/fixtures/import/estate');
  it('prints the preview with --dry-run and writes nothing; imports without it', async () => {
    const { readdir: list } = await import('node:fs/promises');
    const files = (await list(estate)).map((n) => path.join(estate, n));
    const workspace = path.join(dir, 'import-ws');
    const dry = await cli('import', ...files, '--workspace', workspace, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^jira\.listApplicationlinks\.json {2}\[jira\] {2}\/rest\/applinks\/1\.0\/listApplicationlinks, 2 links$/m);
    // Like the app's preview: the recommendation and the worst finding per link, and the answer an UNDETERMINED one needs.
    expect(dry.out).toMatch(/^create {4}corporate-jira-corporate-wiki +Needs answers +high R10 AUTH_LEVEL_MISMATCH +Corporate Jira ↔ Corporate Wiki {2}\(both ends\)\n {10}\? UNDETERMINED: needs an answer to "Do you have administrator access to the remote application\?" — give it with --answer admin-on-remote=yes\|no$/m);
    expect(dry.out).toMatch(/^ {10}! seen from one side only/m);
    expect(dry.out).toMatch(/3 links: 3 to create, 0 to update, 0 unchanged\./);
    expect((await new WorkspaceStore(workspace).list()).documents).toEqual([]);
    const real = await cli('import', ...files, '--workspace', workspace, '--answer', 'mutual-trust=yes');
    expect(real).toMatchObject({ code: 0, err: 'Imported: 3 created, 0 updated, 0 unchanged.\n' });
    expect((await new WorkspaceStore(workspace).get('corporate-jira-corporate-wiki'))!.link.answers.mutualTrust).toBe(true);
  });

  it('exits 2 naming the file, the place and what was expected, and imports nothing', async () => {
    const sheet = path.join(dir, 'links.csv');
    await writeFile(sheet, 'id,name,local_product,remote_product,local_url,local_outgoing,shared_user_base\nx,X,jira,confluence,https://j.example,kerberos,maybe\ny,Y,sharepoint,jira,https://s.example,,\n');
    const workspace = path.join(dir, 'import-bad');
    const result = await cli('import', sheet, '--workspace', workspace);
    expect(result.code).toBe(2);
    expect(result.err).toContain('links.csv: line 2, column local_outgoing: "kerberos" is not one of trustedApps');
    expect(result.err).toContain('links.csv: line 2, column shared_user_base: expected yes, no or empty');
    expect(result.err).toContain('links.csv: line 3, column local_product: expected one of jira');
    expect(result.err).toMatch(/Nothing was imported: 3 problems\.\n$/);
    expect(await cli('import', path.join(dir, 'missing.json'), '--workspace', workspace)).toMatchObject({ code: 2, err: expect.stringMatching(/missing\.json: cannot be read \(ENOENT\)/) });
    expect(await cli('import', sheet, '--answer', 'trust=yes')).toMatchObject({ code: 64 });
  });
});

describe('applink-advisor report and verify-report', () => {
  it('writes a sealed report of an inventory or a workspace; verify-report says intact (0), modified (1) or not a report (2)', async () => {
    const out = path.join(dir, 'estate-report.html');
    expect(await cli('report', 'assets/demo-estate.inventory.json', '--format', 'html', '--out', out, '--classification', 'INTERNAL')).toMatchObject({ code: 0, out: `Wrote a HTML report of ${DEMO_LINKS} links to ${out}.\n` });
    expect(await cli('report', 'assets/demo-estate.inventory.json', '--format', 'html', '--out', out)).toMatchObject({ code: 2, err: expect.stringMatching(/already exists/) });
    expect(await cli('verify-report', out)).toMatchObject({ code: 0, out: expect.stringMatching(/intact — unchanged since it was sealed \(SHA-256 [0-9a-f]{64}\)\. A digest alone does not prove who made it .*sign reports/) });
    const text = await readFile(out, 'utf8');
    await writeFile(out, text.replace('INTERNAL', 'INTERNAk'));
    expect(await cli('verify-report', out)).toMatchObject({ code: 1, err: expect.stringMatching(/MODIFIED/) });
    await writeFile(out, 'plain text');
    expect(await cli('verify-report', out)).toMatchObject({ code: 2 });

    const workspace = path.join(dir, 'report-ws');
    await new WorkspaceStore(workspace).save(makeLink({ id: 'one', name: 'One' }));
    const csv = path.join(dir, 'ws.csv');
    expect(await cli('report', '--workspace', workspace, '--format', 'csv', '--out', csv)).toMatchObject({ code: 0 });
    expect(await readFile(csv, 'utf8')).toMatch(/^id,name,/);
    expect(await cli('report', '--format', 'docx', '--out', path.join(dir, 'x.docx'), '--workspace', workspace)).toMatchObject({ code: 64 });
    expect(await cli('report', '--format', 'pdf', '--out', path.join(dir, 'x.pdf'), '--workspace', workspace, '--chromium', '/nowhere/chrome')).toMatchObject({ code: 2, err: expect.stringMatching(/no such Chromium. Pass the path of Chromium, Chrome or Edge with --chromium/) });
  });
});

describe('signed reports', () => {
  it('keygen makes a key pair; a signed report verifies with its public key and fails with another or after a change', async () => {
    const keys = path.join(dir, 'keys');
    expect(await cli('keygen', '--out', keys)).toMatchObject({ code: 0 });
    expect(await cli('keygen', '--out', keys)).toMatchObject({ code: 2, err: expect.stringMatching(/never replaces a key/) });
    const { stat } = await import('node:fs/promises');
    expect((await stat(path.join(keys, 'applink-advisor-signing.key'))).mode & 0o777).toBe(0o600);
    const other = path.join(dir, 'other-keys');
    await cli('keygen', '--out', other);
    for (const format of ['md', 'json', 'csv', 'html']) {
      const out = path.join(dir, `signed.${format}`);
      expect(await cli('report', 'assets/demo-estate.inventory.json', '--format', format, '--out', out, '--sign-key', path.join(keys, 'applink-advisor-signing.key'))).toMatchObject({ code: 0 });
      const text = await readFile(out, 'utf8');
      expect(text).not.toContain('PRIVATE KEY');
      expect(await cli('verify-report', out, '--key', path.join(keys, 'applink-advisor-signing.pub'))).toMatchObject({ code: 0, out: expect.stringMatching(/signed by the key SHA256:([0-9a-f]{4}:){7}[0-9a-f]{4} \(/) });
      expect(await cli('verify-report', out, '--key', path.join(other, 'applink-advisor-signing.pub'))).toMatchObject({ code: 1, err: expect.stringMatching(/signature does not match the key SHA256:.*it was not signed by that key/) });
      expect(await cli('verify-report', out)).toMatchObject({ code: 0, out: expect.stringMatching(/signed — pass --key PUBLIC\.pem to check who signed it/) });
      await writeFile(out, text.replace('jira-wiki', 'jira-wikj'));
      expect(await cli('verify-report', out, '--key', path.join(keys, 'applink-advisor-signing.pub')), format).toMatchObject({ code: 1, err: expect.stringMatching(/MODIFIED/) });
    }
    const unsigned = path.join(dir, 'unsigned.md');
    await cli('report', 'assets/demo-estate.inventory.json', '--format', 'md', '--out', unsigned);
    expect(await cli('verify-report', unsigned, '--key', path.join(keys, 'applink-advisor-signing.pub'))).toMatchObject({ code: 1, err: expect.stringMatching(/not signed/) });
    expect(await cli('report', 'assets/demo-estate.inventory.json', '--format', 'md', '--out', path.join(dir, 'x.md'), '--sign-key', path.join(keys, 'applink-advisor-signing.pub'))).toMatchObject({ code: 2, err: expect.stringMatching(/not a PEM private key/) });
  });

  it('sign signs an intact unsigned report of any format, refuses a modified or signed one, and a forged re-seal is only "unchanged since sealed"', async () => {
    const keys = path.join(dir, 'sign-keys');
    const keygen = await cli('keygen', '--out', keys);
    const fingerprint = /Fingerprint of the key .*: (SHA256:\S+)/.exec(keygen.out)![1]!;
    const privateKey = path.join(keys, 'applink-advisor-signing.key');
    const publicKey = path.join(keys, 'applink-advisor-signing.pub');
    for (const format of ['md', 'json', 'csv', 'html']) {
      const plain = path.join(dir, `to-sign.${format}`);
      await cli('report', 'assets/demo-estate.inventory.json', '--format', format, '--out', plain);
      const before = await readFile(plain, 'utf8');
      const signed = path.join(dir, `to-sign.signed.${format}`);
      expect(await cli('sign', plain, '--key', privateKey, '--out', signed), format).toMatchObject({ code: 0 });
      expect(await readFile(plain, 'utf8')).toBe(before);
      expect(await cli('verify-report', signed, '--key', publicKey), format).toMatchObject({ code: 0, out: expect.stringContaining(`signed by the key ${fingerprint}`) });
      expect(await cli('sign', signed, '--key', privateKey, '--out', path.join(dir, `twice.${format}`))).toMatchObject({ code: 2, err: expect.stringMatching(/already signed/) });
    }
    // A forger edits an unsigned report and recomputes its digest: it verifies as unchanged-since-sealed,
    // and the message says a digest does not prove who made it; it cannot pass as signed.
    const forged = path.join(dir, 'forged.md');
    await cli('report', 'assets/demo-estate.inventory.json', '--format', 'md', '--out', forged);
    const { createHash } = await import('node:crypto');
    const text = (await readFile(forged, 'utf8')).replace('jira-wiki', 'jira-wikj').replace(/applink-advisor-sha256:[0-9a-f]{64}/, `applink-advisor-sha256:${'0'.repeat(64)}`);
    await writeFile(forged, text.replace(`applink-advisor-sha256:${'0'.repeat(64)}`, `applink-advisor-sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`));
    expect(await cli('verify-report', forged)).toMatchObject({ code: 0, out: expect.stringMatching(/A digest alone does not prove who made it/) });
    expect(await cli('verify-report', forged, '--key', publicKey)).toMatchObject({ code: 1, err: expect.stringMatching(/not signed, so nothing proves who made it/) });
    await writeFile(forged, (await readFile(forged, 'utf8')).replace('jira-wikj', 'jira-wikk'));
    expect(await cli('sign', forged, '--key', privateKey, '--out', path.join(dir, 'forged.signed.md'))).toMatchObject({ code: 2, err: expect.stringMatching(/MODIFIED/) });
  });
});
