import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index.ts';
import { readImportInputs } from '../../electron/features/import/importFolder.ts';
import { commitImport, previewImport } from '../../electron/features/import/importService.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { loggingCurl, pathWithout, run, runInTerminal, which } from '../fixtures/collector/runScript.ts';
import { IDS, jiraAnswers, PLANTED, wikiAnswers } from '../fixtures/collector/standInEstate.ts';
import { StandInServer } from '../fixtures/collector/standInServer.ts';

const TOKEN = 'stand-in-pat-7Hq2vX9LmN4pR8sT';
const USER = 'admin';
const PASSWORD = 'pw-of-the-stand-in-admin-5521';
const SECRETS = [...PLANTED, TOKEN, PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64')];

let dir: string;
let scripts: string;
let server: StandInServer;
let cacert: string | null = null;
const HAS_OPENSSL = which('openssl') !== null;
let curlLog: string;
let logBin: string;

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name)).sort();
}
async function textUnder(root: string): Promise<string> {
  return (await Promise.all((await filesUnder(root)).map((f) => readFile(f, 'utf8')))).join('\n');
}
const hostDir = (context: string) => server.baseOf(context).replace(/^https?:\/\//, '').replace(/[:/]+/g, '_');

/** The environment a script runs with: no credentials or collector settings inherited from the host. */
function env(extra: Record<string, string>, pathValue = `${logBin}${path.delimiter}${process.env.PATH}`): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('APPLINKS_')));
  return { ...base, PATH: pathValue, ...(cacert ? { APPLINKS_CACERT: cacert } : { APPLINKS_ALLOW_HTTP: '1' }), ...extra };
}
const collect = (context: string, out: string, extra: Record<string, string>, pathValue?: string) =>
  run('bash', [path.join(scripts, 'collect-applinks.sh'), server.baseOf(context), out], env(extra, pathValue));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-collector-'));
  scripts = path.join(dir, 'scripts');
  curlLog = path.join(dir, 'curl-argv.log');
  logBin = await loggingCurl(path.join(dir, 'log-bin'), curlLog);
  // https with a self-signed certificate when openssl is here (APPLINKS_CACERT); otherwise plain http with the testing-only opt-in.
  let tls: { key: string; cert: string } | undefined;
  if (HAS_OPENSSL) {
    const key = path.join(dir, 'stand-in.key');
    cacert = path.join(dir, 'stand-in.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cacert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl could not make the test certificate: ${made.stderr}`);
    tls = { key: await readFile(key, 'utf8'), cert: await readFile(cacert, 'utf8') };
  } else {
    console.warn('\n⚠ openssl not found: the collector tests run over plain http (APPLINKS_ALLOW_HTTP=1), so TLS verification is not exercised.\n');
  }
  server = await new StandInServer({ servers: { '/jira': jiraAnswers, '/wiki': wikiAnswers }, token: TOKEN, user: USER, password: PASSWORD, ...(tls ? { tls } : {}) }).start();
  expect(await runCli(['collector', '--out', scripts], { out: () => undefined, err: () => undefined })).toBe(0);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('applink-advisor collector', () => {
  it('writes the shell and PowerShell scripts as shipped in assets/collector, and never overwrites them', async () => {
    for (const name of ['collect-applinks.sh', 'collect-applinks.ps1']) {
      expect(await readFile(path.join(scripts, name), 'utf8')).toBe(await readFile(path.resolve('assets/collector', name), 'utf8'));
    }
    expect((await stat(path.join(scripts, 'collect-applinks.sh'))).mode & 0o111).not.toBe(0);
    await writeFile(path.join(scripts, 'collect-applinks.ps1'), '# mine');
    let err = '';
    const code = await runCli(['collector', '--out', scripts], { out: () => undefined, err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toMatch(/collect-applinks\.sh already exists; the collector never replaces a file/);
    expect(await readFile(path.join(scripts, 'collect-applinks.ps1'), 'utf8')).toBe('# mine');
    await writeFile(path.join(scripts, 'collect-applinks.ps1'), await readFile(path.resolve('assets/collector/collect-applinks.ps1'), 'utf8'));
    expect(await runCli(['collector'], { out: () => undefined, err: () => undefined })).toBe(64);
  });
});

describe('collect-applinks.sh against a stand-in server', () => {
  it('collects with read-only GETs, notes the 404, removes secrets, and the folder imports to the expected links with no secret kept', async () => {
    const out = path.join(dir, 'export');
    const jira = await collect('/jira', out, { APPLINKS_TOKEN: TOKEN });
    expect(jira.code, jira.err).toBe(0);
    const wiki = await collect('/wiki', out, { APPLINKS_USER: USER, APPLINKS_PASSWORD: PASSWORD });
    expect(wiki.code, wiki.err).toBe(0);

    expect(server.seen.every((r) => r.method === 'GET' && r.authorized)).toBe(true);
    const jiraDir = path.join(out, hostDir('/jira'));
    expect((await readdir(jiraDir)).sort()).toEqual([
      `authentication-${IDS.bamboo}.json`, `authentication-${IDS.wiki}.json`, `authentication-provider-${IDS.bamboo}.json`, `authentication-provider-${IDS.wiki}.json`,
      'applinks.json', 'collection.json', 'listApplicationlinks.json', 'manifest.json', `oauth-${IDS.wiki}.json`, `status-${IDS.bamboo}.json`, `status-${IDS.wiki}.json`,
    ].sort());
    const record = JSON.parse(await readFile(path.join(jiraDir, 'collection.json'), 'utf8'));
    expect(record).toMatchObject({ format: 'applink-advisor.collection', server: server.baseOf('/jira'), stopped: null, mayStillHoldSensitiveFields: [] });
    expect(record.calls).toContainEqual(expect.objectContaining({ path: `/rest/applinks/3.0/status/${IDS.bamboo}/oauth`, status: 404 }));
    expect(record.calls).toContainEqual({ path: '/rest/applinks/1.0/manifest', status: 200, file: 'manifest.json' });
    expect(record.sensitiveFieldsRemovedFrom).toEqual(expect.arrayContaining(['manifest.json', `authentication-${IDS.wiki}.json`, `authentication-${IDS.bamboo}.json`]));
    expect(jira.err).toMatch(/not answered \(404\); skipped/);
    expect(jira.err).toMatch(/No file is known to hold a secret still/);

    // No credential on any process's command line, in the output, or on disk; no planted secret saved.
    const argv = await readFile(curlLog, 'utf8');
    for (const secret of SECRETS) {
      expect(argv, 'curl command lines').not.toContain(secret);
      expect(jira.err + jira.out + wiki.err + wiki.out, 'script output').not.toContain(secret);
      expect(await textUnder(out), 'collected files').not.toContain(secret);
    }
    if (cacert) expect(argv).not.toMatch(/--insecure|(^| )-k( |$)/m);

    const store = new WorkspaceStore(path.join(dir, 'workspace'));
    const { files } = await readImportInputs([out]);
    const preview = await previewImport(store, files);
    expect(preview.problems).toEqual([]);
    expect(preview.unattributed).toEqual([]);
    expect(preview.rows.map((r) => [r.link.name, r.bothEnds])).toEqual([['Stand-in Jira ↔ Build radiator', false], ['Stand-in Jira ↔ Stand-in Wiki', true]]);
    const pair = preview.rows.find((r) => r.bothEnds)!.link;
    expect(pair).toMatchObject({
      local: { product: 'jira', version: '9.12.4', baseUrl: server.baseOf('/jira') },
      remote: { product: 'confluence', version: '8.5.4', baseUrl: server.baseOf('/wiki') },
      config: {
        local: { outgoing: ['trustedApps', 'oauth3lo', 'oauth2lo', 'oauth2loi'], incoming: ['trustedApps', 'oauth3lo', 'oauth2lo', 'oauth2loi'] },
        remote: { outgoing: ['oauth3lo', 'oauth2lo'], incoming: ['oauth3lo', 'oauth2lo'] },
      },
      status: { working: false, errorType: 'AUTH_LEVEL_MISMATCH' },
      observations: { twoLoExecutingUser: 'svc-2lo' },
    });
    expect(preview.rows.find((r) => !r.bothEnds)!.link.config.local.outgoing).toEqual(['basic']);
    expect(preview.files.find((f) => f.file.endsWith(`authentication-${IDS.wiki}.json`))!.attributedTo).toEqual({ id: IDS.wiki, name: 'Stand-in Wiki', by: 'link id in its name' });
    expect(preview.files.find((f) => f.file.endsWith('collection.json'))!.kind).toMatch(/^collector record/);

    await commitImport(store, preview, {}, []);
    expect((await store.list()).documents).toHaveLength(2);
    const kept = await textUnder(store.root);
    for (const secret of SECRETS) expect(kept, 'workspace').not.toContain(secret);
  }, 60_000);

  it('on a host without jq: saves the answers as sent, says which files may still hold secrets, and the importer removes them', async () => {
    const out = path.join(dir, 'export-no-jq');
    const noJq = await pathWithout(path.join(dir, 'no-jq-bin'), process.env.PATH ?? '', ['jq', 'curl']);
    const result = await collect('/jira', out, { APPLINKS_TOKEN: TOKEN }, `${logBin}${path.delimiter}${noJq}`);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toMatch(/no jq on this host/);
    const warning = /These files may still hold secrets[^\n]*:([^\n]*)/.exec(result.err)?.[1] ?? '';
    expect(warning.trim().split(' ').sort()).toEqual([`authentication-${IDS.bamboo}.json`, `authentication-${IDS.wiki}.json`, `authentication-provider-${IDS.bamboo}.json`, 'applinks.json'].sort());
    const record = JSON.parse(await readFile(path.join(out, hostDir('/jira'), 'collection.json'), 'utf8'));
    expect(record.mayStillHoldSensitiveFields.sort()).toEqual(warning.trim().split(' ').sort());
    expect(JSON.stringify(record)).not.toContain(TOKEN);

    const store = new WorkspaceStore(path.join(dir, 'workspace-no-jq'));
    const preview = await previewImport(store, (await readImportInputs([out])).files);
    expect(preview.problems).toEqual([]);
    // The record of the collection holds nothing the importer takes for a secret; the answers do.
    expect(preview.files.filter((f) => f.secretsRemoved.length).map((f) => path.basename(f.file)).sort()).toEqual(warning.trim().split(' ').sort());
    await commitImport(store, preview, {}, []);
    const kept = await textUnder(store.root);
    for (const secret of SECRETS) expect(kept).not.toContain(secret);
  }, 60_000);

  it('stops with a plain message on 401 and on 403, and records that it stopped', async () => {
    for (const status of [401, 403] as const) {
      server.refuse = status;
      try {
        const out = path.join(dir, `refused-${status}`);
        const result = await collect('/jira', out, { APPLINKS_TOKEN: TOKEN });
        expect(result.code).toBe(3);
        expect(result.err).toMatch(status === 401 ? /did not accept the credentials \(HTTP 401 for \/rest\/applinks\/1\.0\/manifest\)\. Check APPLINKS_TOKEN/ : /HTTP 403\): the user must be an administrator/);
        expect(result.err).not.toContain(TOKEN);
        const record = JSON.parse(await readFile(path.join(out, hostDir('/jira'), 'collection.json'), 'utf8'));
        expect(record.stopped).toBe(`refused with HTTP ${status}`);
        expect((await readdir(path.join(out, hostDir('/jira'))))).toEqual(['collection.json']);
      } finally {
        server.refuse = null;
      }
    }
    const wrong = await collect('/jira', path.join(dir, 'wrong-token'), { APPLINKS_TOKEN: 'not-the-token' });
    expect(wrong.code).toBe(3);
  }, 60_000);

  it.skipIf(!which('script'))('asks for credentials in a terminal without echoing them, and never puts them on a command line', async () => {
    const out = path.join(dir, 'prompted');
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const command = ['bash', path.join(scripts, 'collect-applinks.sh'), server.baseOf('/jira'), out].map(quote).join(' ');
    const result = await runInTerminal(command, env({}), [['Administrator user name', USER], [`Password for ${USER} (not shown)`, PASSWORD]]);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/Saved \d+ answers from/);
    expect(result.out).not.toContain(PASSWORD);
    expect(await readFile(curlLog, 'utf8')).not.toContain(PASSWORD);
    expect(await textUnder(out)).not.toContain(PASSWORD);
  }, 60_000);

  it.skipIf(!HAS_OPENSSL)('keeps TLS verification on: an untrusted certificate stops the collection and names APPLINKS_CACERT', async () => {
    const seen = server.seen.length;
    const result = await run('bash', [path.join(scripts, 'collect-applinks.sh'), server.baseOf('/jira'), path.join(dir, 'untrusted')], { ...env({ APPLINKS_TOKEN: TOKEN }), APPLINKS_CACERT: '' });
    expect(result.code).toBe(4);
    expect(result.err).toMatch(/TLS certificate could not be verified[\s\S]*APPLINKS_CACERT=/);
    expect(server.seen.length).toBe(seen);
  });

  it('refuses plain http unless the testing-only opt-in is set, credentials in the URL, and runs without credentials only in a terminal', async () => {
    const seen = server.seen.length;
    const http = await run('bash', [path.join(scripts, 'collect-applinks.sh'), 'http://127.0.0.1:9/jira', path.join(dir, 'http')], { ...env({ APPLINKS_TOKEN: TOKEN }), APPLINKS_ALLOW_HTTP: '' });
    expect(http.code).toBe(2);
    expect(http.err).toMatch(/plain http: the credentials would cross the network unencrypted/);
    const inUrl = await run('bash', [path.join(scripts, 'collect-applinks.sh'), `https://${USER}:${PASSWORD}@127.0.0.1/jira`, path.join(dir, 'in-url')], env({ APPLINKS_TOKEN: TOKEN }));
    expect(inUrl.code).toBe(2);
    expect(inUrl.err).toMatch(/must not hold a user name or password/);
    const none = await collect('/jira', path.join(dir, 'no-credentials'), {});
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/No credentials: set APPLINKS_TOKEN/);
    expect(server.seen.length).toBe(seen);
    await mkdir(path.join(dir, 'earlier', hostDir('/jira')), { recursive: true });
    const again = await collect('/jira', path.join(dir, 'earlier'), { APPLINKS_TOKEN: TOKEN });
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists; nothing was collected/);
  });
});

const pwsh = which('pwsh');
if (!pwsh) console.warn('\n⚠ SKIPPED: collect-applinks.ps1 round trip — PowerShell (pwsh) is not installed here.\n  Run it where pwsh exists: npx vitest run test/integration/collectorRoundTrip.test.ts\n');

describe.skipIf(!pwsh)('collect-applinks.ps1 against a stand-in server (needs pwsh)', () => {
  it('collects the same files, secrets removed, and the folder imports to the same links', async () => {
    // PowerShell checks certificates against the system store only, so it talks to the stand-in over http here.
    const plain = await new StandInServer({ servers: { '/jira': jiraAnswers, '/wiki': wikiAnswers }, token: TOKEN, user: USER, password: PASSWORD }).start();
    try {
      const out = path.join(dir, 'export-ps');
      const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('APPLINKS_')));
      for (const context of ['/jira', '/wiki']) {
        const result = await run(pwsh!, ['-NoProfile', '-NonInteractive', '-File', path.join(scripts, 'collect-applinks.ps1'), '-BaseUrl', plain.baseOf(context), '-OutDir', out], { ...base, APPLINKS_TOKEN: TOKEN, APPLINKS_ALLOW_HTTP: '1' });
        expect(result.code, result.err).toBe(0);
      }
      expect(plain.seen.every((r) => r.method === 'GET' && r.authorized)).toBe(true);
      for (const secret of SECRETS) expect(await textUnder(out)).not.toContain(secret);
      const preview = await previewImport(new WorkspaceStore(path.join(dir, 'workspace-ps')), (await readImportInputs([out])).files);
      expect(preview.problems).toEqual([]);
      expect(preview.unattributed).toEqual([]);
      expect(preview.rows.map((r) => [r.link.name, r.bothEnds])).toEqual([['Stand-in Jira ↔ Build radiator', false], ['Stand-in Jira ↔ Stand-in Wiki', true]]);
      const record = JSON.parse(await readFile(path.join(out, (plain.baseOf('/jira')).replace(/^https?:\/\//, '').replace(/[:/]+/g, '_'), 'collection.json'), 'utf8'));
      expect(record.calls).toContainEqual(expect.objectContaining({ path: `/rest/applinks/3.0/status/${IDS.bamboo}/oauth`, status: 404 }));
    } finally {
      await plain.stop();
    }
  }, 120_000);
});
