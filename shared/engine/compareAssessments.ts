import { SEVERITIES, type Severity } from '../guidance/rules.ts';
import type { ChecklistStates, VerdictSummary } from '../model/checklistState.ts';
import type { Link } from '../model/link.ts';
import { assessLink } from './assessLink.ts';
import { summariseVerdict } from './checklist.ts';

/** One field that differs between two saved states of a link, values shown as text. */
export interface FieldChange {
  path: string;
  before: string | null;
  after: string | null;
}

/** What a link's saved state holds: compared field by field. */
export interface LinkState {
  link: Link;
  checklists?: ChecklistStates;
}

// Leaves of a JSON value by dotted path; a list of plain values is one leaf ("oauth3lo, oauth2lo").
function leaves(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    out.set(prefix, value.length ? value.join(', ') : '(none)');
  } else if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, String(value));
  }
}

/** Every field that differs between two states, in a stable order. */
export function diffStates(before: LinkState, after: LinkState): FieldChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  leaves({ link: before.link, checklists: before.checklists }, '', a);
  leaves({ link: after.link, checklists: after.checklists }, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((p) => ({ path: p, before: a.get(p) ?? null, after: b.get(p) ?? null }));
}

export type ChangeKind = 'new' | 'removed' | 'remediated' | 'regressed' | 'changed' | 'unchanged';

// critical = 0 … info = 4, no finding = 5: a higher rank is healthier.
const rank = (severity: Severity | null): number => (severity === null ? SEVERITIES.length : SEVERITIES.indexOf(severity));
const problems = (summary: VerdictSummary) => new Set(summary.findings.filter((f) => f.severity !== 'info').map((f) => f.rule));

/**
 * How a link moved between two states, judged by the engine's verdicts: remediated when the worst
 * finding got less severe (or, at the same severity, findings only went away); regressed the other way
 * round; changed when the content differs but the verdict does not say better or worse.
 */
export function classifyChange(before: VerdictSummary | null, after: VerdictSummary | null, contentDiffers: boolean): ChangeKind {
  if (!before) return after ? 'new' : 'unchanged';
  if (!after) return 'removed';
  const delta = rank(after.worstSeverity) - rank(before.worstSeverity);
  if (delta > 0) return 'remediated';
  if (delta < 0) return 'regressed';
  const was = problems(before);
  const is = problems(after);
  const gone = [...was].filter((r) => !is.has(r)).length;
  const added = [...is].filter((r) => !was.has(r)).length;
  if (added > 0 && gone === 0) return 'regressed';
  if (gone > 0 && added === 0) return 'remediated';
  return contentDiffers ? 'changed' : 'unchanged';
}

/** One row of the "what changed since" view. */
export interface LinkChange {
  id: string;
  name: string;
  kind: ChangeKind;
  before: VerdictSummary | null;
  after: VerdictSummary | null;
  fields: FieldChange[];
}

/**
 * The quarterly re-assessment question: compared with a baseline (the states as of a date, or a
 * snapshot), which links are new, removed, remediated, regressed or otherwise changed. Unchanged links
 * are left out. Sorted by kind (regressions first), then name.
 */
export function changesSince(baseline: ReadonlyMap<string, LinkState>, current: readonly LinkState[]): LinkChange[] {
  const rows: LinkChange[] = [];
  const seen = new Set<string>();
  for (const now of current) {
    seen.add(now.link.id);
    const then = baseline.get(now.link.id) ?? null;
    const fields = then ? diffStates(then, now) : [];
    const before = then ? summariseVerdict(assessLink(then.link)) : null;
    const after = summariseVerdict(assessLink(now.link));
    const kind = classifyChange(before, after, fields.length > 0);
    if (kind !== 'unchanged') rows.push({ id: now.link.id, name: now.link.name, kind, before, after, fields });
  }
  for (const [id, then] of baseline) {
    if (!seen.has(id)) rows.push({ id, name: then.link.name, kind: 'removed', before: summariseVerdict(assessLink(then.link)), after: null, fields: [] });
  }
  const order: ChangeKind[] = ['regressed', 'new', 'remediated', 'changed', 'removed', 'unchanged'];
  return rows.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind) || x.name.localeCompare(y.name));
}
