import type { Handlers } from '../../shared/contract/api.ts';
import type { WorkspaceStore } from './workspaceStore.ts';

/** The operation table behind the typed api, used by the Electron main process and by the test harness alike. */
export function createHandlers(store: WorkspaceStore, appVersion: string): Handlers {
  return {
    'app.info': async () => ({ version: appVersion, workspacePath: store.root, linkCount: (await store.list()).documents.length }),
    'links.list': async () => ({ documents: (await store.list()).documents }),
    'links.create': ({ name }) => store.create(name),
    'links.save': ({ link }) => store.save(link),
    'links.delete': async ({ id }) => ({ deleted: await store.delete(id) }),
  };
}
