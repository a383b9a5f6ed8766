import { diffStates } from '../engine/compareAssessments.ts';
import type { AssessmentDocument } from '../model/assessmentDocument.ts';
import type { Answers, Link } from '../model/link.ts';
import type { ImportedLink } from './buildImport.ts';
import { normaliseUrl } from './normaliseUrl.ts';

export type ImportAction = 'create' | 'update' | 'unchanged';

/** One row of the import preview: the link as it would be saved, and what happens to it. */
export interface PlanRow {
  link: Link;
  action: ImportAction;
  /** How an existing link was recognised. */
  matchedBy: 'id' | 'urls' | null;
  sources: string[];
  warnings: string[];
  fieldsChanged: string[];
  bothEnds: boolean;
}

const pairKey = (a: string | undefined, b: string | undefined) => {
  const x = normaliseUrl(a);
  const y = normaliseUrl(b);
  return x && y ? [x, y].sort().join(' ') : null;
};

/**
 * What the imported facts change in an existing link. The import brings the ends, configuration,
 * status and server observations; the administrator's own work — id, name, answers, notes, features
 * and checklists — stays. An export seen from the other end is turned round first.
 */
function merge(existing: Link, imported: ImportedLink): Link {
  const { link } = imported;
  if (!imported.generatedId) {
    // A row of an inventory file or spreadsheet is the whole link; keep answers it leaves unknown.
    const answers = Object.fromEntries(Object.entries(link.answers).map(([k, v]) => [k, v ?? existing.answers[k as keyof Answers]])) as Answers;
    return { ...link, id: existing.id, answers, ...(link.notes ? {} : existing.notes ? { notes: existing.notes } : {}), ...(existing.features ? { features: existing.features } : {}) };
  }
  const turned = normaliseUrl(existing.local.baseUrl) !== normaliseUrl(link.local.baseUrl) && normaliseUrl(existing.local.baseUrl) === normaliseUrl(link.remote.baseUrl);
  const ends = turned
    ? { local: link.remote, remote: link.local, config: { local: link.config.remote ?? existing.config.local, remote: link.config.local } }
    : { local: link.local, remote: link.remote, config: { local: link.config.local, remote: link.config.remote ?? existing.config.remote } };
  const observations = { ...existing.observations, ...link.observations };
  return {
    ...existing, ...ends,
    ...(turned ? {} : link.status ? { status: link.status } : {}),
    ...(link.system !== undefined ? { system: link.system } : {}),
    ...(Object.keys(observations).length ? { observations } : {}),
  };
}

/** Compares imported links with the workspace: create, update (keeping the user's answers and notes) or unchanged. */
export function planImport(imported: readonly ImportedLink[], existing: readonly AssessmentDocument[]): PlanRow[] {
  const byId = new Map(existing.map((d) => [d.link.id, d.link]));
  const byUrls = new Map<string, Link>();
  for (const d of existing) {
    const key = pairKey(d.link.local.baseUrl, d.link.remote.baseUrl);
    if (key && !byUrls.has(key)) byUrls.set(key, d.link);
  }
  const claimed = new Set<string>();
  const taken = new Set([...byId.keys(), ...imported.filter((i) => !i.generatedId).map((i) => i.link.id)]);
  return imported.map((item) => {
    const urls = pairKey(item.link.local.baseUrl, item.link.remote.baseUrl);
    const viaUrls = urls ? byUrls.get(urls) : undefined;
    const viaId = byId.get(item.link.id);
    // A made-up id proves nothing: an exported link is recognised by its two servers' URLs only.
    const match = item.generatedId ? viaUrls : viaId ?? viaUrls;
    const base = { sources: item.sources, warnings: item.warnings, bothEnds: item.bothEnds };
    if (!match || claimed.has(match.id)) {
      let id = item.link.id;
      if (item.generatedId) for (let n = 2; taken.has(id); n++) id = `${item.link.id.slice(0, 120)}-${n}`;
      taken.add(id);
      return { ...base, link: id === item.link.id ? item.link : { ...item.link, id }, action: 'create' as const, matchedBy: null, fieldsChanged: [] };
    }
    claimed.add(match.id);
    const merged = merge(match, item);
    const fieldsChanged = diffStates({ link: match }, { link: merged }).map((f) => f.path);
    return { ...base, link: merged, action: fieldsChanged.length ? ('update' as const) : ('unchanged' as const), matchedBy: match === viaId ? ('id' as const) : ('urls' as const), fieldsChanged };
  });
}

/** Fills answers the exports cannot know, on every row where the answer is still unknown. */
export function applyAnswers(rows: readonly PlanRow[], answers: Partial<Answers>): PlanRow[] {
  return rows.map((row) => {
    const next = { ...row.link.answers };
    for (const [key, value] of Object.entries(answers) as Array<[keyof Answers, boolean | null | undefined]>) {
      if (value !== undefined && value !== null && next[key] === null) next[key] = value;
    }
    return { ...row, link: { ...row.link, answers: next } };
  });
}
