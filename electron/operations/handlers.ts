import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../shared/contract/api.ts';
import { OperationError } from '../../shared/contract/operationError.ts';
import { BUNDLE_FILE_NAME } from '../../shared/model/bundle.ts';
import type { Link } from '../../shared/model/link.ts';
import { writeFileAtomic } from '../workspace/atomicWrite.ts';
import { exportBundle, mergeBundle, openBundle, previewBundle, type OpenedBundle } from '../features/bundles.ts';
import { closeMigration, saveChecklistState } from '../features/checklistService.ts';
import { groupOf } from '../../shared/import/fileGroups.ts';
import { groupFolderFiles } from '../../shared/import/folderGroups.ts';
import type { ImportPreview } from '../../shared/model/importPreview.ts';
import type { ImportFile } from '../../shared/import/buildImport.ts';
import { readImportInputs } from '../features/import/importFolder.ts';
import { commitImport, previewImport, readImportFiles } from '../features/import/importService.ts';
import { buildReport } from '../../shared/present/report/reportModel.ts';
import { produceReport, signingKey, type PrintPdf } from '../features/reports/reports.ts';
import type { KeyObject } from 'node:crypto';
import { reportExtras } from '../features/reports/reportExtras.ts';
import type { AppLog } from '../app/log.ts';
import type { LaunchFiles } from '../app/launchFiles.ts';
import type { PreferencesStore } from '../app/preferences.ts';
import type { WorkspaceSession } from '../workspace/session.ts';

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

/** Bundles larger than this are refused before they are read. */
const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

/** The operation table behind the typed api, used by the Electron main process and by the test harness alike. */
export function createHandlers(dependencies: HandlerDependencies): Handlers {
  const { log } = dependencies;
  const table = operations(dependencies);
  // Every operation is logged by name, outcome and duration only: never its arguments or messages.
  return Object.fromEntries(Object.entries(table).map(([operation, handler]) => [operation, async (args: never) => {
    const start = performance.now();
    try {
      const result = await (handler as (a: never) => Promise<unknown>)(args);
      log.write({ event: 'operation', operation, ms: Math.round(performance.now() - start) });
      return result;
    } catch (error) {
      log.write({ event: 'operation-failed', operation, code: error instanceof OperationError ? error.code : 'internal', ms: Math.round(performance.now() - start) });
      throw error;
    }
  }])) as unknown as Handlers;
}

function operations({ workspace, preferences, appVersion, seedLinks, chooseSavePath, chooseOpenPath, chooseImportFiles, printPdf, log, diagnostics, launchFiles }: HandlerDependencies): Handlers {
  const store = () => workspace.store;
  const writable = () => {
    if (store().readOnly) throw new OperationError('conflict', store().readOnly!);
    return store();
  };
  // Bundles opened for a preview, until merged or discarded; the renderer holds only the token.
  const openBundles = new Map<string, OpenedBundle>();
  const bundleOf = (token: string) => {
    const opened = openBundles.get(token);
    if (!opened) throw new OperationError('not-found', 'That bundle is no longer open; open it again.');
    return opened;
  };
  // Import previews, until committed or discarded.
  const pendingImports = new Map<string, { preview: ImportPreview; files: readonly ImportFile[] }>();
  const previewOf = async (files: readonly ImportFile[]) => {
    const preview = await previewImport(store(), files);
    const token = randomBytes(16).toString('hex');
    pendingImports.set(token, { preview, files });
    return { token, preview };
  };
  const openBundleFile = async (file: string) => {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new OperationError('not-found', `${file} cannot be read (${error.code ?? error.message}).`);
    });
    if (Buffer.byteLength(text) > MAX_BUNDLE_BYTES) throw new OperationError('invalid-argument', `${file} is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB; not a bundle this app wrote.`);
    const opened = openBundle(text, path.basename(file));
    const token = randomBytes(16).toString('hex');
    openBundles.set(token, opened);
    return { token, preview: await previewBundle(store(), opened) };
  };
  const diagnosticsText = async () => {
    const { documents, unreadable } = await store().list();
    return [
      `Applink Advisor ${appVersion}`,
      ...Object.entries(diagnostics.runtime).map(([k, v]) => `${k}: ${v}`),
      `workspace: ${documents.length} links, ${unreadable.length} unreadable, ${store().readOnly ? 'read-only' : 'writable'}, ${workspace.isDefault ? 'default folder' : 'chosen folder'}`,
      `backups: ${(await store().backups.list()).length}`,
      '', 'newest log lines:', ...log.tail(50),
    ].join('\n');
  };
  const save = async (suggestedName: string, format: string, content: string | Buffer) => {
    const target = await chooseSavePath(suggestedName, format);
    if (!target) return null;
    await writeFileAtomic(target, content);
    return target;
  };
  return {
    'workspace.open': async () => {
      // Only the default workspace is seeded with the demo estate: a folder the user chose is theirs.
      const opened = await store().open(workspace.isDefault ? seedLinks() : [], appVersion);
      log.write({ event: 'workspace-opened', links: opened.documents.length, unreadable: opened.unreadable.length, migrated: opened.migrated, readOnly: store().readOnly !== null, isDefault: workspace.isDefault });
      // Planted journals and folders that are symbolic links are listed with the files that could not be opened.
      const refused = opened.refused.map(({ file, reason }) => ({ file, reason, kind: 'invalid' as const }));
      const readOnly = store().readOnly && opened.pending ? `${store().readOnly} A save it has not finished is shown as finished.` : store().readOnly;
      return { workspacePath: store().root, readOnly, isDefault: workspace.isDefault, recent: await workspace.recent(), ...opened, unreadable: [...opened.unreadable, ...refused] };
    },
    'workspace.startEmpty': async () => ({ removed: await store().startEmpty() }),
    'workspace.chooseFolder': async () => {
      const folder = await chooseOpenPath('folder');
      if (!folder) return { switched: false };
      await workspace.switchTo(folder);
      return { switched: true };
    },
    'workspace.switch': async ({ path: folder }) => {
      await workspace.switchToKnown(folder);
      return { switched: true as const };
    },
    'workspace.changesSince': async ({ since }) => {
      if (since.kind === 'date') return { label: `as of ${since.date}`, baseline: await store().statesAt(since.date) };
      const { info, states } = await store().statesInBackup(since.id);
      return { label: `backup of ${info.createdAt} (${info.reason})`, baseline: states };
    },
    'links.create': ({ name }) => store().create(name),
    'links.save': ({ link }) => store().save(link),
    'links.saveMany': async ({ links }) => ({ documents: await store().saveMany(links) }),
    'links.delete': async ({ ids }) => ({ deleted: await store().delete(ids) }),
    'links.history': async ({ id }) => ({ entries: await store().historyOf(id) }),
    'export.save': async ({ suggestedName, format, text, base64 }) => {
      const target = await save(suggestedName, format, text !== undefined ? text : Buffer.from(base64 ?? '', 'base64'));
      return target ? { saved: true, path: target } : { saved: false };
    },
    'checklists.update': ({ linkId, checklistId, state }) => saveChecklistState(store(), linkId, checklistId, state),
    'checklists.close': async ({ linkId, checklistId }) => closeMigration(store(), linkId, checklistId, (await preferences.get()).operatorName),
    'preferences.get': () => preferences.get(),
    'preferences.set': (value) => preferences.set(value),
    'backups.list': async () => ({ backups: await store().backups.list() }),
    'backups.create': ({ reason }) => writable().backups.create(reason, false),
    'backups.restore': ({ id }) => store().restoreBackup(id),
    'bundles.export': async ({ ids }) => {
      const { text, count } = await exportBundle(store(), ids ?? null, `Applink Advisor ${appVersion}`);
      const target = await save(BUNDLE_FILE_NAME, 'bundle', text);
      return target ? { saved: true, path: target, count } : { saved: false, count };
    },
    'bundles.open': async () => {
      const file = await chooseOpenPath('bundle');
      return file ? openBundleFile(file) : { token: null, preview: null };
    },
    'launch.pending': async () => {
      const file = launchFiles.take();
      if (!file) return { kind: 'none' as const };
      if (/\.bundle$/i.test(file)) return { kind: 'bundle' as const, ...(await openBundleFile(file)) };
      return { kind: 'import' as const, ...(await previewOf(await readImportFiles([file]))) };
    },
    'bundles.merge': async ({ token, resolutions }) => {
      const result = await mergeBundle(writable(), bundleOf(token), resolutions);
      openBundles.delete(token);
      return result;
    },
    'bundles.discard': async ({ token }) => {
      openBundles.delete(token);
      return {};
    },
    'import.choose': async ({ folder }) => {
      const paths = await chooseImportFiles(folder ? 'folder' : 'files');
      if (!paths || paths.length === 0) return { token: null, preview: null };
      return previewOf((await readImportInputs(paths)).files);
    },
    'import.fromContents': async ({ files }) => {
      // Dropped files arrive as contents: the renderer never names a path to read. Loose files group by name
      // prefix; the files of a dropped folder as a folder import does.
      const inFolders = files.filter((f) => f.folder !== undefined).map((f) => `${f.folder}/${f.name}`);
      const folderGroups = groupFolderFiles(inFolders);
      const groups = new Map(inFolders.map((name, i) => [name, folderGroups[i]!] as const));
      return previewOf(files.map((f) => {
        const name = f.folder === undefined ? f.name : `${f.folder}/${f.name}`;
        return { name, group: groups.get(name) ?? groupOf(f.name, ''), text: f.text };
      }));
    },
    'import.attribute': async ({ token, attach, skip }) => {
      const pending = pendingImports.get(token);
      if (!pending) throw new OperationError('not-found', 'That import is no longer open; choose the files again.');
      const preview = await previewImport(store(), pending.files, { attach, skip });
      pendingImports.set(token, { ...pending, preview });
      return { token, preview };
    },
    'import.commit': async ({ token, answers, skip }) => {
      const preview = pendingImports.get(token)?.preview;
      if (!preview) throw new OperationError('not-found', 'That import is no longer open; choose the files again.');
      const result = await commitImport(writable(), preview, answers, skip);
      pendingImports.delete(token);
      return result;
    },
    'reports.export': async ({ ids, format, title, classification, includeChecklists, includeHistory, changesSinceBackup, paper, bom, sign }) => {
      let key: KeyObject | undefined;
      if (sign) {
        const file = await chooseOpenPath('key');
        if (!file) return { saved: false, links: 0, bytes: 0 };
        key = signingKey(await readFile(file, 'utf8').catch(() => { throw new OperationError('not-found', `${file} cannot be read.`); }), file);
      }
      const { documents } = await store().list();
      const wanted = ids ? new Set(ids) : null;
      const chosen = wanted ? documents.filter((d) => wanted.has(d.link.id)) : documents;
      if (wanted && chosen.length !== wanted.size) throw new OperationError('not-found', 'Some of the chosen links are no longer in this workspace.');
      const report = buildReport(chosen, {
        title, author: (await preferences.get()).operatorName, classification: classification || null,
        generatedAt: new Date().toISOString(), appVersion, includeChecklists,
      }, await reportExtras(store(), chosen, { history: includeHistory, since: changesSinceBackup ? { kind: 'backup', id: changesSinceBackup } : null, wholeWorkspace: !ids }));
      const content = await produceReport(report, format, { bom, paper, printPdf, key });
      const stamp = new Date().toISOString().slice(0, 10);
      const target = await save(`applink-report-${stamp}.${format}`, format, content);
      const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      return target ? { saved: true, path: target, links: chosen.length, bytes } : { saved: false, links: chosen.length, bytes };
    },
    'diagnostics.get': async () => ({ text: await diagnosticsText(), logFolder: log.dir }),
    'diagnostics.copy': async () => {
      await diagnostics.copy(await diagnosticsText());
      return { copied: true as const };
    },
    'diagnostics.openLogFolder': async () => ({ opened: await diagnostics.openFolder(log.dir) }),
    'import.discard': async ({ token }) => {
      pendingImports.delete(token);
      return {};
    },
  };
}
