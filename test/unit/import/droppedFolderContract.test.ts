import { describe, expect, it } from 'vitest';
import { CONTRACT } from '../../../shared/contract/api.ts';
import { groupFolderFiles } from '../../../shared/import/folderGroups.ts';

const args = CONTRACT['import.fromContents'].args;
const withFolder = (folder: string) => args.safeParse({ files: [{ name: 'manifest.json', text: '{}', folder }] }).success;

describe('files of a dropped folder', () => {
  it('carry a relative folder only: no absolute path, no . or .. part, no backslash', () => {
    expect(withFolder('exports/jira.example.com')).toBe(true);
    expect(withFolder('exports')).toBe(true);
    for (const bad of ['/etc', '../up', 'exports/../..', 'exports/./jira', '.', 'exports//jira', 'exports\\jira', 'C:\\exports', 'exports/']) expect(withFolder(bad), bad).toBe(false);
    expect(args.safeParse({ files: [{ name: 'a/manifest.json', text: '{}' }] }).success).toBe(false);
  });

  it('group as a folder import does: by the nearest folder with a manifest, by server prefix, else their own folder', () => {
    expect(groupFolderFiles([
      'exports/jira/manifest.json', 'exports/jira/links/x/authentication.json', 'exports/wiki.manifest.json', 'exports/wiki.oauth.x.json',
      'exports/loose/status-x.json', 'a/jira/manifest.json', 'manifest.json',
    ])).toEqual(['exports/jira', 'exports/jira', 'wiki', 'wiki', 'loose', 'a/jira', 'manifest']);
  });
});
