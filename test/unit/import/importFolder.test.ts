import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listImportFolder, readImportInputs } from '../../../electron/features/import/importFolder.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-folder-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function put(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

describe('a folder of exports', () => {
  it('groups each file by the nearest folder holding a manifest, or by its server prefix; names it by its path', async () => {
    await put({
      'estate/jira/manifest.json': '{}', 'estate/jira/listApplicationlinks.json': '{}', 'estate/jira/links/abc/authentication.json': '{}',
      'estate/wiki.example.com_8443_wiki/manifest.json': '{}', 'estate/wiki.example.com_8443_wiki/oauth-x.json': '{}',
      'estate/prefixed/bamboo.manifest.json': '{}', 'estate/prefixed/bamboo.status.x.json': '{}',
      'estate/loose/status-y.json': '{}', 'estate/sheet.CSV': 'id,name',
      'estate/.hidden/manifest.json': '{}', 'estate/jira/.DS_Store.json': '{}', 'estate/notes.txt': 'not an export',
    });
    await symlink(path.join(dir, 'estate/jira/manifest.json'), path.join(dir, 'estate/linked.json'));
    const { files, ignored } = await listImportFolder(path.join(dir, 'estate'));
    expect(files.map((f) => [f.name, f.group])).toEqual([
      ['estate/jira/links/abc/authentication.json', 'jira'],
      ['estate/jira/listApplicationlinks.json', 'jira'],
      ['estate/jira/manifest.json', 'jira'],
      ['estate/loose/status-y.json', 'loose'],
      ['estate/prefixed/bamboo.manifest.json', 'bamboo'],
      ['estate/prefixed/bamboo.status.x.json', 'bamboo'],
      ['estate/sheet.CSV', 'estate'],
      ['estate/wiki.example.com_8443_wiki/manifest.json', 'wiki.example.com_8443_wiki'],
      ['estate/wiki.example.com_8443_wiki/oauth-x.json', 'wiki.example.com_8443_wiki'],
    ]);
    expect(ignored).toEqual(['estate/notes.txt']);
  });

  it('groups by folder path when two server folders share a name, and reads folders and files given together', async () => {
    await put({ 'a/jira/manifest.json': '{"typeId":"jira","url":"https://a"}', 'b/jira/manifest.json': '{"typeId":"jira","url":"https://b"}', 'single.manifest.json': '{}' });
    const { files } = await readImportInputs([dir, path.join(dir, 'single.manifest.json')]);
    const base = path.basename(dir);
    expect(files.map((f) => [f.name, f.group])).toEqual([
      [`${base}/a/jira/manifest.json`, `${base}/a/jira`], [`${base}/b/jira/manifest.json`, `${base}/b/jira`], [`${base}/single.manifest.json`, 'single'], ['single.manifest.json', 'single'],
    ]);
    expect(files[0]!.text).toBe('{"typeId":"jira","url":"https://a"}');
  });

  it('says which folder cannot be read', async () => {
    await expect(listImportFolder(path.join(dir, 'missing'))).rejects.toThrow(/missing: cannot be read \(ENOENT\)/);
  });
});
