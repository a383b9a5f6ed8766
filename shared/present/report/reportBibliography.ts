import { bibliographyEntry, citationsIn, sortCitations, type BibliographyEntry } from '../../guidance/bibliography.ts';
import { CURRENT_CHART, DOCUMENTED_CHART, type Flowchart } from '../../guidance/flowcharts.ts';
import type { Report, ReportLink } from './reportModel.ts';

/** The sources the nodes of a path cite (a flowchart path's notes in every format). */
export function pathSources(chart: Flowchart, path: readonly string[]): string[] {
  const ids = path.flatMap((id) => {
    const node = chart.nodes.find((n) => n.id === id);
    return node && 'sources' in node ? node.sources : [];
  });
  return [...new Set(ids)];
}

type Cite = (sources: readonly string[], ...texts: Array<string | null | undefined>) => void;

function collector(): { ids: string[]; cite: Cite } {
  const ids: string[] = [];
  return {
    ids,
    cite: (sources, ...texts) => {
      ids.push(...sources);
      for (const text of texts) if (text) ids.push(...citationsIn(text));
    },
  };
}

function citeLink(cite: Cite, { verdict, checklists }: ReportLink, includeChecklists: boolean): void {
  for (const f of verdict.findings) cite(f.sources, f.title, f.message, f.remedy);
  cite([], verdict.settings?.sentence, verdict.documentedDeprecation, verdict.oauth2.text);
  if (verdict.documentedDeprecation) cite(pathSources(DOCUMENTED_CHART, verdict.documented.path));
  for (const c of checklists) {
    cite(c.view.locked?.sources ?? [], c.view.title, c.view.locked?.reason);
    if (includeChecklists) for (const item of c.view.sections.flatMap((s) => s.items)) cite(item.sources, item.text);
  }
}

/** The ids one link's part of the report cites (its findings, recommendation and checklists). */
export function linkCitations(link: ReportLink, includeChecklists: boolean): string[] {
  const { ids, cite } = collector();
  citeLink(cite, link, includeChecklists);
  return [...new Set(ids)];
}

/**
 * Every id the report cites: the sources of its findings, checklist items, locked checklists and
 * flowchart paths, and the ids named in the guidance text it prints (never in what a user typed).
 */
export function reportCitations(report: Report): string[] {
  const { ids, cite } = collector();
  cite([], CURRENT_CHART.caption, CURRENT_CHART.inferredNote);
  for (const p of report.paths) cite(pathSources(CURRENT_CHART, p.path));
  for (const link of report.links) citeLink(cite, link, report.meta.includeChecklists);
  return [...new Set(ids)];
}

/** The report's bibliography, and any cited id nothing explains (a test requires there be none). */
export function reportBibliography(report: Report): { entries: BibliographyEntry[]; unknown: string[] } {
  const entries: BibliographyEntry[] = [];
  const unknown: string[] = [];
  for (const id of reportCitations(report)) {
    const entry = bibliographyEntry(id);
    if (entry) entries.push(entry);
    else unknown.push(id);
  }
  return { entries: sortCitations(entries), unknown };
}
