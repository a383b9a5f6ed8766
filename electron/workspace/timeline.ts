import { OperationError } from '../../shared/contract/operationError.ts';
import type { BackupInfo } from '../../shared/model/backupInfo.ts';
import { parseDocumentText, type LinkContent } from '../../shared/model/documentText.ts';
import { LINK_ID_PATTERN } from '../../shared/model/link.ts';
import type { AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import type { Backups } from './backups.ts';
import type { LinkHistory } from './history.ts';

/**
 * The links as they were at a moment: each link's newest saved state at or before `date`. A link
 * created later is absent (so it shows as new); a deleted link is present from its history.
 */
export async function statesAt(documents: AssessmentDocument[], history: LinkHistory, date: string): Promise<LinkContent[]> {
  const states: LinkContent[] = [];
  const current = new Map(documents.map((d) => [d.link.id, d]));
  for (const document of documents) if (document.updatedAt <= date) states.push({ link: document.link, checklists: document.checklists });
  const changedSince = documents.filter((d) => d.updatedAt > date).map((d) => d.link.id);
  const deleted = (await history.linkIds()).filter((id) => !current.has(id) && LINK_ID_PATTERN.test(id));
  for (const id of [...changedSince, ...deleted]) {
    const entries = await history.entries(id, current.get(id) ?? null);
    const then = entries.filter((e) => e.savedAt <= date).at(-1);
    if (then) states.push({ link: then.link, checklists: then.checklists });
  }
  return states;
}

/** The links of a snapshot, migrated to the current schema; a file that cannot be read is named. */
export async function statesInBackup(backups: Backups, id: string): Promise<{ info: BackupInfo; states: LinkContent[] }> {
  const { info, files } = await backups.read(id);
  const states: LinkContent[] = [];
  for (const file of files) {
    const result = parseDocumentText(file.text);
    if (!('document' in result)) throw new OperationError('conflict', `Backup ${id}: ${file.name} ${result.reason}.`);
    states.push({ link: result.document.link, checklists: result.document.checklists });
  }
  return { info, states };
}
