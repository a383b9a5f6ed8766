import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index.ts';
import { exportBundle } from '../../../electron/features/bundles.ts';
import { commitImport, previewImport, readImportFiles } from '../../../electron/features/import/importService.ts';
import { WorkspaceStore } from '../../../electron/workspace/store.ts';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { checklistsFor } from '../../../shared/engine/checklist.ts';
import { checklistHtml, checklistMarkdown } from '../../../shared/present/checklistDocument.ts';
import { verdictToJson, verdictToText } from '../../../shared/present/verdictReport.ts';
import { makeLink } from '../../fixtures/links.ts';
import { PLANTED, PLANTED_FILES } from './plantedSecrets.ts';

const ESTATE = path.resolve('test/fixtures/import/estate');
// Every secret planted in the fixtures, by value.
const SECRETS = ['Fx9-SHARED-SECRET-wiki-4471', 'Hunter2-Basic-Jira-Pw!', 'ATCTT3xFfGN0-wiki-access-token-9911', 'MIIEowIBAAKCAQEA-wiki-private-key-bytes', 'PUBLICKEYONLY'];

let dir: string;
let store: WorkspaceStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-import-'));
  store = new WorkspaceStore(path.join(dir, 'workspace'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const estatePaths = async () => (await readdir(ESTATE)).sort().map((n) => path.join(ESTATE, n));
async function allFilesUnder(root: string): Promise<string[]> {
  const names = await readdir(root, { recursive: true, withFileTypes: true });
  return names.filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

describe('import into a workspace', () => {
  it('previews, commits all-or-nothing after a backup, and re-imports as unchanged', async () => {
    await store.save(makeLink({ id: 'existing', name: 'Already here' }));
    const preview = await previewImport(store, await readImportFiles(await estatePaths()));
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => [r.link.name, r.action])).toEqual([
      ['Corporate Jira ↔ Bitbucket', 'create'], ['Corporate Jira ↔ Corporate Wiki', 'create'], ['Bamboo → Bitbucket, CI', 'create'],
    ]);
    const result = await commitImport(store, preview, { mutualTrust: true }, []);
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0, skipped: 0, backupId: expect.any(String) });
    const stored = (await store.list()).documents;
    expect(stored).toHaveLength(4);
    expect(stored.find((d) => d.link.id === 'bamboo-bitbucket')!.link.answers).toEqual({ mutualTrust: true, sharedUserBase: true, adminOnRemote: null, sysadminOnRemote: null });
    expect((await store.historyOf('bamboo-bitbucket'))[0]!.event).toMatch(/^imported from /);

    const again = await previewImport(store, await readImportFiles(await estatePaths()));
    expect(again.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('updates a link it recognises by its two URLs — turned round if need be — and keeps the administrator\'s answers and notes', async () => {
    await store.save(makeLink({
      id: 'wiki-to-jira', name: 'Wiki → Jira (ours)', notes: 'Owner: platform team',
      local: { product: 'confluence', baseUrl: 'https://wiki.corp.example' }, remote: { product: 'jira', baseUrl: 'https://jira.corp.example/' },
      answers: { sharedUserBase: false }, config: { local: { outgoing: ['trustedApps'], incoming: ['trustedApps'] } },
    }));
    const jiraOnly = (await estatePaths()).filter((p) => path.basename(p).startsWith('jira.'));
    const preview = await previewImport(store, await readImportFiles(jiraOnly));
    const row = preview.rows.find((r) => r.link.id === 'wiki-to-jira')!;
    expect(row).toMatchObject({ action: 'update', matchedBy: 'urls' });
    expect(row.link).toMatchObject({
      name: 'Wiki → Jira (ours)', notes: 'Owner: platform team', answers: { sharedUserBase: false },
      local: { product: 'confluence' }, remote: { product: 'jira', version: '9.12.4' },
      config: { local: { outgoing: ['trustedApps'], incoming: ['trustedApps'] }, remote: { outgoing: ['trustedApps', 'basic', 'oauth3lo', 'oauth2lo', 'oauth2loi'] } },
    });
    expect(row.fieldsChanged).toContain('link.config.remote.outgoing');
  });

  it('refuses to commit an import with a broken file and leaves every file of the workspace as it was', async () => {
    await store.save(makeLink({ id: 'existing' }));
    const broken = path.join(dir, 'jira.listApplicationlinks.json');
    await writeFile(broken, '{"list": [{"application": {"id": 42}}]}');
    const files = await readImportFiles([...(await estatePaths()).filter((p) => !p.endsWith('jira.listApplicationlinks.json')), broken]);
    const preview = await previewImport(store, files);
    expect(preview.problems).toContainEqual({ file: 'jira.listApplicationlinks.json', path: 'list[0].application.id', message: 'expected the link id (text)' });
    const before = await Promise.all((await allFilesUnder(store.root)).map((f) => readFile(f, 'utf8')));
    await expect(commitImport(store, preview, {}, [])).rejects.toThrow(/^Nothing was imported: \d+ problems? in the files \(first: /);
    expect(await Promise.all((await allFilesUnder(store.root)).map((f) => readFile(f, 'utf8')))).toEqual(before);
  });
});

describe('secrets in imported files', () => {
  it('never reach the workspace folder, the command line output or any export or report', async () => {
    // The fixtures really hold the secrets.
    const raw = (await Promise.all((await estatePaths()).map((p) => readFile(p, 'utf8')))).join('\n');
    for (const secret of SECRETS) expect(raw).toContain(secret);

    const workspace = path.join(dir, 'cli-workspace');
    let out = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (out += t) };
    expect(await runCli(['import', ...(await estatePaths()), '--workspace', workspace, '--format', 'json', '--dry-run'], io)).toBe(0);
    expect(await runCli(['import', ...(await estatePaths()), '--workspace', workspace], io)).toBe(0);
    expect(out).toMatch(/2 secrets removed: consumers\[0\]\.sharedSecret \([^)]+\), configuredAuthProviders\[2\]\.config\.password \([^)]+\)/);
    await runCli(['workspace', 'backup', '--workspace', workspace], io);

    const imported = new WorkspaceStore(workspace);
    const { documents } = await imported.list();
    const reports = [
      out, (await exportBundle(imported, null, 'test')).text, JSON.stringify({ links: documents.map((d) => d.link) }),
      ...documents.flatMap((d) => {
        const verdict = assessLink(d.link);
        return [verdictToText(d.link, verdict), JSON.stringify(verdictToJson(d.link, verdict)), ...checklistsFor(d.link, verdict).flatMap((c) => [checklistMarkdown(d.link, c, undefined, 'now'), checklistHtml(d.link, c, undefined, 'now')])];
      }),
    ];
    const stored = await Promise.all((await allFilesUnder(workspace)).map((f) => readFile(f, 'utf8')));
    expect(stored.length).toBeGreaterThan(5);
    for (const secret of SECRETS) {
      for (const text of [...stored, ...reports]) expect(text.includes(secret), `"${secret}" leaked`).toBe(false);
    }
  });
});

describe('secrets planted where the importer keeps text', () => {
  it('never reach any file under the workspace (links, history, backups) or the output, by value, in any case', async () => {
    const exports = path.join(dir, 'exports');
    await mkdir(exports);
    for (const [name, text] of Object.entries(PLANTED_FILES)) await writeFile(path.join(exports, name), text);
    const paths = Object.keys(PLANTED_FILES).map((n) => path.join(exports, n));
    const workspace = path.join(dir, 'planted-workspace');
    let out = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (out += t) };
    expect(await runCli(['import', ...paths, '--workspace', workspace, '--format', 'json', '--dry-run'], io)).toBe(0);
    expect(await runCli(['import', ...paths, '--workspace', workspace], io), out).toBe(0);
    // A second import updates the links, so history and a backup of the first state exist too.
    await writeFile(path.join(exports, 'links.csv'), PLANTED_FILES['links.csv']!.replace(',basic,', ',trustedApps,'));
    expect(await runCli(['import', ...paths, '--workspace', workspace], io), out).toBe(0);
    await runCli(['workspace', 'backup', '--workspace', workspace], io);

    const files = await allFilesUnder(workspace);
    expect(files.some((f) => f.includes(`${path.sep}backups${path.sep}`)) && files.some((f) => f.includes(`${path.sep}history${path.sep}`))).toBe(true);
    const texts = [out, ...files, ...(await Promise.all(files.map((f) => readFile(f, 'utf8'))))].map((t) => t.toLowerCase());
    for (const [kind, secret] of Object.entries(PLANTED)) {
      const leaks = texts.filter((t) => t.includes(secret.toLowerCase()));
      expect(leaks.length, `the ${kind} (${secret}) leaked into ${leaks.length} file(s) or the output`).toBe(0);
    }
    const { documents } = await new WorkspaceStore(workspace).list();
    expect(documents.map((d) => d.link.name).sort()).toEqual([
      'Bamboo [removed: JSON web token]', 'Corporate Jira ↔ Bitbucket [removed: Atlassian token]', 'Crowd [removed: key or token]',
    ]);
    // What was removed is said, with where, never what.
    expect(out).toMatch(/secrets? removed: .*list\[0\]\.application\.properties\.\[removed: Atlassian token\]/);
  });
});
