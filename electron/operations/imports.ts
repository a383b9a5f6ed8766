import type { Handlers } from '../../shared/contract/api.ts';
import type { ImportFile } from '../../shared/import/buildImport.ts';
import { groupOf } from '../../shared/import/fileGroups.ts';
import { groupFolderFiles } from '../../shared/import/folderGroups.ts';
import type { ImportPreview } from '../../shared/model/importPreview.ts';
import { readImportInputs } from '../features/import/importFolder.ts';
import { commitImport, previewImport } from '../features/import/importService.ts';
import type { OperationContext } from './context.ts';
import { PreviewRegistry } from './previewRegistry.ts';

export interface PendingImport {
  preview: ImportPreview;
  files: readonly ImportFile[];
}

type ImportOperations = Pick<Handlers, 'import.choose' | 'import.fromContents' | 'import.attribute' | 'import.commit' | 'import.discard'>;

export function importRegistry(): PreviewRegistry<PendingImport> {
  return new PreviewRegistry<PendingImport>('That import is no longer open; choose the files again.');
}

/** Previews an import of files already read, kept open under a token until committed or discarded. */
export async function openImport({ store }: OperationContext, pending: PreviewRegistry<PendingImport>, files: readonly ImportFile[]) {
  const preview = await previewImport(store(), files);
  return { token: pending.open({ preview, files }), preview };
}

export function importOperations(context: OperationContext, pending: PreviewRegistry<PendingImport>): ImportOperations {
  const { chooseImportFiles, store, writable } = context;
  return {
    'import.choose': async ({ folder }) => {
      const paths = await chooseImportFiles(folder ? 'folder' : 'files');
      if (!paths || paths.length === 0) return { token: null, preview: null };
      return openImport(context, pending, (await readImportInputs(paths)).files);
    },
    'import.fromContents': async ({ files }) => {
      // Dropped files arrive as contents: the renderer never names a path to read. Loose files group by name
      // prefix; the files of a dropped folder as a folder import does.
      const inFolders = files.filter((f) => f.folder !== undefined).map((f) => `${f.folder}/${f.name}`);
      const folderGroups = groupFolderFiles(inFolders);
      const groups = new Map(inFolders.map((name, i) => [name, folderGroups[i]!] as const));
      return openImport(context, pending, files.map((f) => {
        const name = f.folder === undefined ? f.name : `${f.folder}/${f.name}`;
        return { name, group: groups.get(name) ?? groupOf(f.name, ''), text: f.text };
      }));
    },
    'import.attribute': async ({ token, attach, skip }) => {
      const open = pending.get(token);
      const preview = await previewImport(store(), open.files, { attach, skip });
      pending.set(token, { ...open, preview });
      return { token, preview };
    },
    'import.commit': async ({ token, answers, skip }) => {
      const { preview } = pending.get(token);
      const result = await commitImport(writable(), preview, answers, skip);
      pending.discard(token);
      return result;
    },
    'import.discard': async ({ token }) => {
      pending.discard(token);
      return {};
    },
  };
}
