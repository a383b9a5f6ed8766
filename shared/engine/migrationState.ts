import type { ChecklistId } from '../guidance/updatePaths.ts';
import type { ChecklistState } from '../model/checklistState.ts';
import type { Link } from '../model/link.ts';
import type { Verdict } from './assessLink.ts';
import { checklistProgress, checklistsFor, type ChecklistView } from './checklist.ts';

/**
 * Where a link's migration stands, counted as the report summary, `assess` and the inventory count it:
 * `open` while an applicable (unlocked) checklist is not closed, `done` when every unlocked one is closed,
 * `planned` when the only checklists are locked (what the lock names comes first), null when none applies.
 */
export type MigrationState = 'open' | 'done' | 'planned' | null;

export interface LinkMigration {
  state: MigrationState;
  checklists: Array<{ view: ChecklistView; done: number; required: number; closed: boolean }>;
}

/** The migration checklists of a link with their progress, and the state they add up to. */
export function migrationOf(link: Link, verdict: Verdict, states: Partial<Record<ChecklistId, ChecklistState>> | undefined): LinkMigration {
  const checklists = checklistsFor(link, verdict).map((view) => {
    const state = states?.[view.id];
    const progress = checklistProgress(view, state);
    return { view, done: progress.done, required: progress.required, closed: Boolean(state?.closed) };
  });
  const unlocked = checklists.filter((c) => c.view.locked === null);
  const state: MigrationState = unlocked.length ? (unlocked.every((c) => c.closed) ? 'done' : 'open') : checklists.length ? 'planned' : null;
  return { state, checklists };
}
