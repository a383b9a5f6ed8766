// A manifest that names no server in its file name (`manifest.json`, `jira-manifest.json`) stands for its folder;
// a prefixed one (`jira.manifest.json`) stands for its prefix.
const MANIFEST = /^[^.]*manifest\.json$/i;
const dirname = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/**
 * Which server each file of an imported folder came from, by its path (`/`-separated, starting with the
 * folder's own name): a file named with a server prefix (`jira.status.<id>.json`) by that prefix; any other
 * by the nearest folder, its own or one above it, that holds a manifest named without a prefix, else its own
 * folder. A folder is named by its name, or by its path when two server folders share a name.
 */
export function groupFolderFiles(paths: readonly string[]): string[] {
  const manifestFolders = new Set(paths.filter((p) => MANIFEST.test(basename(p))).map(dirname));
  const serverFolder = (p: string) => {
    for (let folder = dirname(p); folder; folder = dirname(folder)) if (manifestFolders.has(folder)) return folder;
    return dirname(p);
  };
  const folders = [...new Set(paths.map(serverFolder))];
  const named = new Map<string, number>();
  for (const f of folders) named.set(basename(f), (named.get(basename(f)) ?? 0) + 1);
  return paths.map((p) => {
    const parts = basename(p).split('.');
    if (parts.length > 2 && parts[0]) return parts[0];
    const folder = serverFolder(p);
    return named.get(basename(folder))! > 1 ? folder : basename(folder) || parts[0]!;
  });
}
