import { changesSince, diffStates } from '../../../shared/engine/compareAssessments.ts';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { ReportExtras, ReportHistoryEntry } from '../../../shared/present/report/reportModel.ts';
import type { WorkspaceStore } from '../../workspace/store.ts';

/** Saved states listed per link in a report: the newest ones, each with the fields it changed. */
export const REPORT_HISTORY_ENTRIES = 10;

export type ChangesSince = { kind: 'date'; date: string } | { kind: 'backup'; id: string } | null;

/** Gathers what a report needs beyond the documents: each link's history, and "what changed since". */
/** `wholeWorkspace`: the report covers every link, so links removed since the baseline are listed too. */
export async function reportExtras(store: WorkspaceStore, documents: readonly AssessmentDocument[], options: { history: boolean; since: ChangesSince; wholeWorkspace: boolean }): Promise<ReportExtras> {
  const extras: ReportExtras = {};
  if (options.history) {
    const history = new Map<string, ReportHistoryEntry[]>();
    for (const document of documents) {
      const entries = await store.historyOf(document.link.id);
      history.set(document.link.id, entries.map((entry, i) => ({
        revision: entry.revision, savedAt: entry.savedAt, event: entry.milestone ?? entry.event ?? null,
        fields: i === 0 ? [] : diffStates(entries[i - 1]!, entry).map((f) => f.path),
      })).slice(-REPORT_HISTORY_ENTRIES).reverse());
    }
    extras.history = history;
  }
  if (options.since) {
    const ids = new Set(documents.map((d) => d.link.id));
    const { label, states } = options.since.kind === 'date'
      ? { label: options.since.date, states: await store.statesAt(options.since.date) }
      : await store.statesInBackup(options.since.id).then(({ info, states: s }) => ({ label: `the backup of ${info.createdAt}`, states: s }));
    const baseline = new Map(states.filter((s) => options.wholeWorkspace || ids.has(s.link.id)).map((s) => [s.link.id, s]));
    extras.changes = { label, rows: changesSince(baseline, documents) };
  }
  return extras;
}
