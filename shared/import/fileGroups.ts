/**
 * Which server a file came from, by the convention in docs/import.md: the part of its name before
 * the first dot (`jira.manifest.json`, `jira.status.<id>.json` → "jira"), or, for a plain name such as
 * `manifest.json`, the folder it is in (`exports/jira/manifest.json` → "jira").
 */
export function groupOf(fileName: string, folderName: string): string {
  const parts = fileName.split('.');
  return parts.length > 2 ? parts[0]! || folderName : folderName || parts[0]!;
}
