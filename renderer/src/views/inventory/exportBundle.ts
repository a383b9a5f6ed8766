import { call } from '../../api.ts';
import { useWorkspace } from '../../state/workspace.ts';
import { messageOf } from '../../../../shared/model/messageOf.ts';

/** Saves the workspace, or the given links, as a portable bundle through the save dialog. */
export async function exportBundle(ids: string[] | null, report: (message: string) => void) {
  try {
    await useWorkspace.getState().flushSaves();
    const result = await call('bundles.export', ids ? { ids } : {});
    report(result.saved ? `Wrote ${result.count} links to ${result.path}.` : 'Bundle export cancelled.');
  } catch (error) {
    report(`Bundle export failed: ${messageOf(error)}`);
  }
}
