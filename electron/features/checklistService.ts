import { assessLink } from '../../shared/engine/assessLink.ts';
import { recommendedSettings } from '../../shared/engine/recommendedSettings.ts';
import { checklistProgress, checklistsFor, migrationTarget, summariseVerdict } from '../../shared/engine/checklist.ts';
import { OperationError } from '../../shared/contract/operationError.ts';
import type { ChecklistId } from '../../shared/guidance/updatePaths.ts';
import type { AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import type { ChecklistState } from '../../shared/model/checklistState.ts';
import { scrubText } from '../../shared/import/scrubText.ts';
import type { WorkspaceStore } from '../workspace/store.ts';

/** Saves the progress of one checklist on one link. */
export function saveChecklistState(store: WorkspaceStore, linkId: string, checklistId: ChecklistId, state: ChecklistState): Promise<AssessmentDocument> {
  const safe = withoutSecrets(state);
  return store.update(linkId, (document) => ({ link: document.link, checklists: { ...document.checklists, [checklistId]: safe } }));
}

/**
 * Evidence is pasted from a terminal or a browser (a curl line with its Authorization header, a status
 * answer): tokens and passwords in it, or in a note, are replaced by markers before anything is stored.
 */
function withoutSecrets(state: ChecklistState): ChecklistState {
  const clean = (text: string | undefined) => (text === undefined ? undefined : scrubText(text).text);
  const items = Object.fromEntries(Object.entries(state.items).map(([id, item]) => [id, {
    ...item,
    ...(item.note !== undefined ? { note: clean(item.note) } : {}),
    ...(item.evidence !== undefined ? { evidence: clean(item.evidence) } : {}),
    ...(item.override !== undefined ? { override: clean(item.override) } : {}),
  }]));
  return { ...state, items };
}

/**
 * Closes a migration: when every required item is done, records the target configuration as the link's
 * current one, re-assesses it, and keeps the previous configuration and both verdict summaries.
 */
export function closeMigration(store: WorkspaceStore, linkId: string, checklistId: ChecklistId, operator: string | null, now: () => Date = () => new Date()): Promise<AssessmentDocument> {
  return store.update(linkId, (document) => {
    const { link } = document;
    const verdict = assessLink(link);
    const view = checklistsFor(link, verdict).find((c) => c.id === checklistId);
    if (!view) throw new OperationError('conflict', `The ${checklistId} checklist does not apply to this link.`);
    const state = document.checklists?.[checklistId] ?? { items: {} };
    const progress = checklistProgress(view, state);
    if (!progress.complete) throw new OperationError('conflict', `Only ${progress.done} of ${progress.required} required items are done.`);
    const settings = recommendedSettings(link, migrationTarget(link, checklistId, state));
    if (!settings) throw new OperationError('conflict', 'There is no target configuration to record.');
    const nextLink = { ...link, config: { local: settings.local, remote: settings.remote ?? link.config.remote }, status: { working: true } };
    const after = assessLink(nextLink);
    return {
      link: nextLink,
      checklists: {
        ...document.checklists,
        [checklistId]: {
          ...state,
          closed: {
            at: now().toISOString(), ...(operator ? { by: operator } : {}),
            previousConfig: link.config, before: summariseVerdict(verdict), after: summariseVerdict(after),
          },
        },
      },
    };
  });
}
