import type { Handlers } from '../../shared/contract/api.ts';
import { OperationError } from '../../shared/contract/operationError.ts';
import type { Link } from '../../shared/model/link.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { closeMigration, saveChecklistState } from './checklistService.ts';
import type { PreferencesStore } from './preferencesStore.ts';
import type { WorkspaceStore } from './workspaceStore.ts';

/** Asks the user where to save a file; null when they cancel. Electron's dialog in the app, a fake in tests. */
export type ChooseSavePath = (suggestedName: string, format: string) => Promise<string | null>;

export interface HandlerDependencies {
  store: WorkspaceStore;
  preferences: PreferencesStore;
  appVersion: string;
  seedLinks: () => Link[];
  chooseSavePath: ChooseSavePath;
}

/** The operation table behind the typed api, used by the Electron main process and by the test harness alike. */
export function createHandlers({ store, preferences, appVersion, seedLinks, chooseSavePath }: HandlerDependencies): Handlers {
  return {
    'workspace.open': async () => ({ workspacePath: store.root, readOnly: store.readOnly, ...(await store.open(seedLinks(), appVersion)) }),
    'workspace.startEmpty': async () => ({ removed: await store.startEmpty() }),
    'links.create': ({ name }) => store.create(name),
    'links.save': ({ link }) => store.save(link),
    'links.saveMany': async ({ links }) => ({ documents: await store.saveMany(links) }),
    'links.delete': async ({ ids }) => ({ deleted: await store.delete(ids) }),
    'export.save': async ({ suggestedName, format, text, base64 }) => {
      const target = await chooseSavePath(suggestedName, format);
      if (!target) return { saved: false };
      await writeFileAtomic(target, text !== undefined ? text : Buffer.from(base64 ?? '', 'base64'));
      return { saved: true, path: target };
    },
    'checklists.update': ({ linkId, checklistId, state }) => saveChecklistState(store, linkId, checklistId, state),
    'checklists.close': async ({ linkId, checklistId }) => closeMigration(store, linkId, checklistId, (await preferences.get()).operatorName),
    'preferences.get': () => preferences.get(),
    'preferences.set': (value) => preferences.set(value),
    'backups.list': async () => ({ backups: await store.backups.list() }),
    'backups.create': async ({ reason }) => {
      if (store.readOnly) throw new OperationError('conflict', store.readOnly);
      return store.backups.create(reason, false);
    },
    'backups.restore': ({ id }) => store.restoreBackup(id),
  };
}

