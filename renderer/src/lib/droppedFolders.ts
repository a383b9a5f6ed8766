/** A file found in a dropped folder, with its folder from the dropped folder's own name down. */
export interface DroppedFile {
  file: File;
  folder: string | undefined;
}

/** Dropped folders are read to this many export files at most. */
export const MAX_DROPPED_FILES = 2000;

const IMPORTABLE = /\.(json|csv)$/i;

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));
const batchOf = (reader: FileSystemDirectoryReader) => new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));

/**
 * The export files (.json, .csv; hidden entries skipped) of what was dropped — files as they are, folders
 * with their subfolders — read through the page's file-system entries, so no path leaves the renderer.
 * `entries` must be taken from the drop event before it returns (`item.webkitGetAsEntry()`).
 */
export async function filesOfDrop(entries: readonly FileSystemEntry[]): Promise<{ files: DroppedFile[]; tooMany: boolean }> {
  const files: DroppedFile[] = [];
  const visit = async (entry: FileSystemEntry, folder: string | undefined): Promise<void> => {
    if (files.length > MAX_DROPPED_FILES || entry.name.startsWith('.')) return;
    if (entry.isFile) {
      if (folder === undefined || IMPORTABLE.test(entry.name)) files.push({ file: await fileOf(entry as FileSystemFileEntry), folder });
      return;
    }
    if (!entry.isDirectory) return;
    const inside = folder === undefined ? entry.name : `${folder}/${entry.name}`;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in batches (100 at a time in Chromium) until an empty one.
    for (let batch = await batchOf(reader); batch.length; batch = await batchOf(reader)) {
      for (const child of batch) await visit(child, inside);
    }
  };
  for (const entry of entries) await visit(entry, undefined);
  return { files: files.slice(0, MAX_DROPPED_FILES), tooMany: files.length > MAX_DROPPED_FILES };
}
