import type { AssessmentDocument } from '../model/assessmentDocument.ts';
import type { Verdict } from './assessLink.ts';
import { migrationOf, type LinkMigration, type MigrationState } from './migrationState.ts';
import { orderProblems, type OrderProblem } from './orderProblems.ts';

/** One link as the Plan view lists it. */
export interface PlannedLink {
  id: string;
  name: string;
  owner: string | null;
  ticket: string | null;
  window: string | null;
  migration: MigrationState;
  /** Required checklist items done, over the unlocked checklists. */
  items: { done: number; required: number };
}

/** Links sharing a planned window (or, with `window` null, links that need a migration and have none). */
export interface Wave {
  window: string | null;
  links: PlannedLink[];
  /** Links by migration state, counted as reports count them; `none`: planned although nothing needs migrating. */
  counts: { links: number; open: number; done: number; planned: number; none: number };
  items: { done: number; required: number };
  owners: string[];
}

export interface MigrationPlan {
  /** Dated waves in date order, then the unscheduled group (when it has links). */
  waves: Wave[];
  problems: OrderProblem[];
  /** Every link by migration state: the same numbers as the report summary. */
  totals: { links: number; open: number; done: number; planned: number };
  /** Links in no wave: no window and nothing to migrate, or no window and already migrated. */
  leftOut: { noMigration: number; doneWithoutWindow: number };
}

export interface AssessedDocument {
  document: AssessmentDocument;
  verdict: Verdict;
}

const byName = (a: PlannedLink, b: PlannedLink) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** The migration plan of an estate on `today` (YYYY-MM-DD, the local day): waves by window, their progress, and order problems. */
export function planWaves(assessed: readonly AssessedDocument[], today: string): MigrationPlan {
  const migrations = new Map<string, LinkMigration>();
  const totals = { links: assessed.length, open: 0, done: 0, planned: 0 };
  const leftOut = { noMigration: 0, doneWithoutWindow: 0 };
  const groups = new Map<string | null, PlannedLink[]>();
  for (const { document, verdict } of assessed) {
    const { link } = document;
    const migration = migrationOf(link, verdict, document.checklists);
    migrations.set(link.id, migration);
    if (migration.state) totals[migration.state]++;
    const window = link.plan?.window ?? null;
    if (window === null && (migration.state === null || migration.state === 'done')) {
      leftOut[migration.state === null ? 'noMigration' : 'doneWithoutWindow']++;
      continue;
    }
    const unlocked = migration.checklists.filter((c) => c.view.locked === null);
    const planned: PlannedLink = {
      id: link.id, name: link.name, owner: link.plan?.owner ?? null, ticket: link.plan?.ticket ?? null, window, migration: migration.state,
      items: { done: unlocked.reduce((n, c) => n + c.done, 0), required: unlocked.reduce((n, c) => n + c.required, 0) },
    };
    const group = groups.get(window) ?? [];
    group.push(planned);
    groups.set(window, group);
  }
  const windows: Array<string | null> = [...groups.keys()].filter((w): w is string => w !== null).sort();
  if (groups.has(null)) windows.push(null);
  const waves = windows.map((window): Wave => {
    const links = groups.get(window)!.sort(byName);
    const count = (state: MigrationState) => links.filter((l) => l.migration === state).length;
    return {
      window, links,
      counts: { links: links.length, open: count('open'), done: count('done'), planned: count('planned'), none: count(null) },
      items: { done: links.reduce((n, l) => n + l.items.done, 0), required: links.reduce((n, l) => n + l.items.required, 0) },
      owners: [...new Set(links.map((l) => l.owner).filter((o): o is string => o !== null))].sort(),
    };
  });
  return { waves, problems: orderProblems(assessed, migrations, waves, today), totals, leftOut };
}
