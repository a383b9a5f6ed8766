import type { Handlers } from '../../shared/contract/api.ts';
import type { OperationContext } from './context.ts';

type DiagnosticsOperations = Pick<Handlers, 'diagnostics.get' | 'diagnostics.copy' | 'diagnostics.openLogFolder'>;

export function diagnosticsOperations({ workspace, appVersion, diagnostics, log, store }: OperationContext): DiagnosticsOperations {
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
  return {
    'diagnostics.get': async () => ({ text: await diagnosticsText(), logFolder: log.dir }),
    'diagnostics.copy': async () => {
      await diagnostics.copy(await diagnosticsText());
      return { copied: true as const };
    },
    'diagnostics.openLogFolder': async () => ({ opened: await diagnostics.openFolder(log.dir) }),
  };
}
