import { useState, type DragEvent } from 'react';
import { call } from '../../api.ts';
import { filesOfDrop, MAX_DROPPED_FILES } from '../../lib/droppedFolders.ts';
import type { ReadImport } from './useInventoryImports.ts';
import { messageOf } from '../../../../shared/model/messageOf.ts';

/** Files and folders dropped on the inventory become an import preview, within the size limits. */
export function useFileDrop(runImport: (read: ReadImport, what: string) => Promise<void>, report: (message: string) => void) {
  const [dropping, setDropping] = useState(false);

  async function dropFolders(entries: FileSystemEntry[]) {
    report('Reading the dropped folder…');
    let found: Awaited<ReturnType<typeof filesOfDrop>>;
    try {
      found = await filesOfDrop(entries);
    } catch (failure) {
      return report(`The dropped folder could not be read: ${messageOf(failure)}`);
    }
    const { files, tooMany } = found;
    if (tooMany) return report(`The dropped folders hold more than ${MAX_DROPPED_FILES} export files; import them a folder at a time.`);
    if (files.length === 0) return report('The dropped folder holds no .json or .csv file.');
    const tooBig = files.find((f) => f.file.size > 50 * 1024 * 1024);
    if (tooBig) return report(`${tooBig.file.name} is larger than 50 MB; not an Applinks export.`);
    await runImport(async () => call('import.fromContents', {
      files: await Promise.all(files.map(async ({ file, folder }) => ({ name: file.name, text: await file.text(), ...(folder === undefined ? {} : { folder }) }))),
    }), `Reading ${files.length} file${files.length === 1 ? '' : 's'} of the dropped folder…`);
  }

  async function dropFiles(list: FileList) {
    const files = [...list];
    if (files.length > 500) return report('Drop at most 500 files at a time.');
    const tooBig = files.find((f) => f.size > 50 * 1024 * 1024);
    if (tooBig) return report(`${tooBig.name} is larger than 50 MB; not an Applinks export.`);
    await runImport(async () => call('import.fromContents', { files: await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))) }), `Reading ${files.length} dropped file${files.length === 1 ? '' : 's'}…`);
  }

  const handlers = {
    onDragOver(e: DragEvent) {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      setDropping(true);
    },
    onDragLeave(e: DragEvent) { if (e.currentTarget === e.target) setDropping(false); },
    onDrop(e: DragEvent) {
      if (!e.dataTransfer.files.length) return;
      e.preventDefault();
      setDropping(false);
      // A dropped folder reaches the page as an unreadable File: its contents are read through its entry
      // instead, and travel as contents like dropped files. Entries must be taken before the event returns.
      const entries = [...e.dataTransfer.items].map((item) => item.webkitGetAsEntry()).filter((entry) => entry !== null);
      if (entries.some((entry) => entry.isDirectory)) return void dropFolders(entries);
      void dropFiles(e.dataTransfer.files);
    },
  };
  return { dropping, handlers };
}
