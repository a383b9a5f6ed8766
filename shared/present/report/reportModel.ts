import { assessLink, type Verdict } from '../../engine/assessLink.ts';
import { checklistProgress, checklistsFor, type ChecklistView } from '../../engine/checklist.ts';
import { RECOMMENDATIONS } from '../../guidance/flowcharts.ts';
import { SEVERITIES } from '../../guidance/rules.ts';
import type { AssessmentDocument } from '../../model/assessmentDocument.ts';
import type { ChecklistState } from '../../model/checklistState.ts';
import type { LinkChange } from '../../engine/compareAssessments.ts';
import { localDay, triageCounts, triageOf, type FindingTriage, type TriageCounts } from '../../engine/triage.ts';

/** Who made a report, when, and what it covers. */
export interface ReportMeta {
  title: string;
  author: string | null;
  generatedAt: string;
  appVersion: string;
  /** A marking such as "INTERNAL — Restricted", printed at the top and bottom. */
  classification: string | null;
  includeChecklists: boolean;
  /** The report will carry an Ed25519 signature (the formats leave room for it). */
  signed?: boolean;
}

/** One saved state in a link's history, as a report lists it. */
export interface ReportHistoryEntry {
  revision: number;
  savedAt: string;
  event: string | null;
  /** Fields changed from the state before. */
  fields: string[];
}

/** Optional extras the caller gathers from the workspace: history per link, and "what changed since". */
export interface ReportExtras {
  history?: ReadonlyMap<string, ReportHistoryEntry[]>;
  changes?: { label: string; rows: LinkChange[] };
}

export interface ReportLink {
  document: AssessmentDocument;
  verdict: Verdict;
  checklists: Array<{ view: ChecklistView; state: ChecklistState | undefined; done: number; required: number; closed: boolean }>;
  /** Index into `paths`: the flowchart path this link takes (drawn once per distinct path). */
  pathIndex: number;
  history: ReportHistoryEntry[];
  /** Each finding's triage on the report's day, in the order of `verdict.findings`; and their counts. */
  triage: FindingTriage[];
  triageCounts: TriageCounts;
}

export interface Report {
  meta: ReportMeta;
  changes: { label: string; rows: LinkChange[] } | null;
  links: ReportLink[];
  /** Distinct paths on the current chart, in order of first use. */
  paths: Array<{ path: string[]; pendingQuestion: string | null; links: number }>;
  summary: {
    total: number;
    byRecommendation: Array<[string, number]>;
    bySeverity: Array<[string, number]>;
    byReadiness: Array<[string, number]>;
    /** Links with an applicable (unlocked) checklist not yet closed, as `checklistsFor` decides. */
    migrationsOpen: number;
    /** Links whose applicable checklists are all closed. */
    migrationsDone: number;
    /** Links whose only checklists are locked: planned, blocked by what the lock names. */
    migrationsPlanned: number;
  };
}

const count = <T extends string>(keys: readonly T[], values: T[]) => keys.map((k) => [k, values.filter((v) => v === k).length] as [string, number]).filter(([, n]) => n > 0);

/** Everything a report shows, computed once from the stored documents; every format renders this. */
export function buildReport(documents: readonly AssessmentDocument[], meta: ReportMeta, extras: ReportExtras = {}): Report {
  const paths: Report['paths'] = [];
  // Whether a decision has expired is decided on the day the report is made (the machine's calendar day).
  const today = localDay(new Date(meta.generatedAt));
  const keyOf = new Map<string, number>();
  const links = [...documents]
    .sort((a, b) => a.link.name.localeCompare(b.link.name) || a.link.id.localeCompare(b.link.id))
    .map((document): ReportLink => {
      const verdict = assessLink(document.link);
      const key = `${verdict.path.join('>')}|${verdict.pendingQuestion ?? ''}`;
      let pathIndex = keyOf.get(key);
      if (pathIndex === undefined) {
        pathIndex = paths.push({ path: verdict.path, pendingQuestion: verdict.pendingQuestion, links: 0 }) - 1;
        keyOf.set(key, pathIndex);
      }
      paths[pathIndex]!.links++;
      const checklists = checklistsFor(document.link, verdict).map((view) => {
        const state = document.checklists?.[view.id];
        const progress = checklistProgress(view, state);
        return { view, state, done: progress.done, required: progress.required, closed: Boolean(state?.closed) };
      });
      const triage = verdict.findings.map((f) => triageOf(document.link, f.rule, today));
      return { document, verdict, checklists, pathIndex, history: extras.history?.get(document.link.id) ?? [], triage, triageCounts: triageCounts(verdict.findings, document.link, today) };
    });
  // Counted per link, like `assess` and the inventory's Checklist column: a locked checklist is planned, not open.
  const migration = (l: ReportLink) => {
    const open = l.checklists.filter((c) => c.view.locked === null);
    if (open.length) return open.every((c) => c.closed) ? 'done' : 'open';
    return l.checklists.length ? 'planned' : null;
  };
  const migrations = links.map(migration);
  return {
    meta, links, paths, changes: extras.changes ?? null,
    summary: {
      total: links.length,
      byRecommendation: count(RECOMMENDATIONS, links.map((l) => l.verdict.recommended)),
      bySeverity: count([...SEVERITIES, 'none'] as const, links.map((l) => l.verdict.worstSeverity ?? 'none')),
      byReadiness: count(['eligible', 'unconfirmed', 'not-eligible'] as const, links.map((l) => l.verdict.oauth2.status)),
      migrationsOpen: migrations.filter((m) => m === 'open').length,
      migrationsDone: migrations.filter((m) => m === 'done').length,
      migrationsPlanned: migrations.filter((m) => m === 'planned').length,
    },
  };
}
