import type { Link } from '../../shared/model/link.ts';
import { OperationError } from '../../shared/contract/operationError.ts';
import type { AppLog } from '../app/log.ts';
import type { LaunchFiles } from '../app/launchFiles.ts';
import type { PreferencesStore } from '../app/preferences.ts';
import type { PrintPdf } from '../features/reports/reports.ts';
import { writeFileAtomic } from '../workspace/atomicWrite.ts';
import type { WorkspaceSession } from '../workspace/session.ts';
import type { WorkspaceStore } from '../workspace/store.ts';

/** Asks the user where to save a file; null when they cancel. Electron's dialog in the app, a fake in tests. */
export type ChooseSavePath = (suggestedName: string, format: string) => Promise<string | null>;
/** Asks the user for a file to open (a bundle) or a folder (a workspace); null when they cancel. */
export type ChooseOpenPath = (kind: 'bundle' | 'folder' | 'key') => Promise<string | null>;
/** Asks the user for export files to import (several at once); null when they cancel. */
export type ChooseImportFiles = (what: 'files' | 'folder') => Promise<string[] | null>;

export interface HandlerDependencies {
  workspace: WorkspaceSession;
  preferences: PreferencesStore;
  appVersion: string;
  seedLinks: () => Link[];
  chooseSavePath: ChooseSavePath;
  chooseOpenPath: ChooseOpenPath;
  chooseImportFiles: ChooseImportFiles;
  /** Prints report HTML to PDF (a hidden window in the app, Chromium in tests). */
  printPdf: PrintPdf;
  log: AppLog;
  /** Files opened by the system (double-click on a .bundle or .applinks.json). */
  launchFiles: LaunchFiles;
  /** Versions and platform for diagnostics; the clipboard and the file manager (Electron's, or fakes in tests). */
  diagnostics: { runtime: Record<string, string>; copy(text: string): Promise<void>; openFolder(folder: string): Promise<boolean> };
}

/** What every area of operations works with: the dependencies and the current workspace. */
export interface OperationContext extends HandlerDependencies {
  /** The workspace open now (it changes when the user switches folders). */
  store(): WorkspaceStore;
  /** The workspace, refused while it is read-only. */
  writable(): WorkspaceStore;
  /** Asks where to save and writes the content atomically; null when the user cancels. */
  save(suggestedName: string, format: string, content: string | Buffer): Promise<string | null>;
}

export function operationContext(dependencies: HandlerDependencies): OperationContext {
  const store = () => dependencies.workspace.store;
  return {
    ...dependencies,
    store,
    writable: () => {
      if (store().readOnly) throw new OperationError('conflict', store().readOnly!);
      return store();
    },
    save: async (suggestedName, format, content) => {
      const target = await dependencies.chooseSavePath(suggestedName, format);
      if (!target) return null;
      await writeFileAtomic(target, content);
      return target;
    },
  };
}
