import { SOURCES } from './sources.ts';

/**
 * Every id a finding, checklist item or flowchart note may cite, explained: the sources of domain §16
 * (`sources.ts`), the open questions of domain §15 and the sections of the domain knowledge base
 * (shared/domain/applinks-auth.md). Reports print it as their bibliography.
 */
export interface BibliographyEntry {
  id: string;
  title: string;
  /** Where it comes from, in words. */
  origin: string;
  /** Shown as text; nothing ever opens it. */
  url?: string;
  kind: 'doc' | 'code' | 'third-party' | 'question' | 'domain';
}

const KNOWLEDGE_BASE = "Applink Advisor's domain knowledge base (applinks-auth.md), compiled from the sources listed here";

/** Domain §15, the questions no source answers; reports cite them as "open question Qn". */
export const OPEN_QUESTIONS: Readonly<Record<string, string>> = {
  Q1: 'Exact structure of the original flowchart image (question order, and what "No trust" leads to)',
  Q2: 'OAuth 2.0 product-link minimum for Confluence (10.0 vs 10.1) and Crowd (7.0 vs 7.1); is JSM listed separately?',
  Q3: 'Do OAuth 2.0 product links offer user-less (2LO) or impersonation (2LOi) semantics?',
  Q4: 'Is OAuth 1.0a for Data Center application links formally deprecated, and is there an end date?',
  Q5: 'In which product versions is Trusted Applications code actually gone, as opposed to "unsupported" (Applinks 5.2)?',
  Q6: 'Numeric weights for the primary authentication type',
  Q7: 'First Bamboo release bundling Applinks 5.2 or later',
  Q8: 'Can an OAuth 2.0 link coexist with an OAuth 1.0a link to the same remote URL? Is in-place conversion possible?',
  Q9: 'Exact JSON wrappers of the application-link REST resources',
  Q10: 'The Basic HTTP page describes outgoing/incoming the other way round from the general definitions',
  Q11: 'Older docs call "OAuth" impersonating; newer docs separate "OAuth" from "OAuth (impersonation)"',
  Q12: 'When did /applicationlink/{id}/authentication start returning 404?',
  Q13: 'Status-lozenge naming: UPGRADE CONFIG vs DEPRECATED; Cloud-only statuses',
  Q14: 'Meaning of the wizard flags applinkConfig{In,Out}{UserAuth,ServerAuth,PreAuth}',
};

/** The numbered sections of the domain knowledge base; reports cite them as "domain §n.n". */
export const DOMAIN_SECTIONS: Readonly<Record<string, string>> = {
  '0': 'Quick orientation',
  '1': 'Glossary',
  '2': 'Decision flowchart: "Determining what authentication to configure for an Application Link"',
  '2.1': 'Provenance of the decision flowchart',
  '2.2': 'Node/edge list: faithful (era-specific) reconstruction — Applinks 5.1 and earlier',
  '2.3': 'Node/edge list: modernised rules-engine flowchart (Applinks 5.2 and later, plus OAuth 2.0)',
  '2.4': 'The flowcharts as Mermaid',
  '3': 'Authentication types in detail',
  '3.1': 'Trusted Applications',
  '3.2': 'Basic HTTP authentication ("Basic Access")',
  '3.3': 'OAuth 1.0a (as used by Application Links)',
  '3.4': 'OAuth with impersonation',
  '3.5': 'OAuth 2.0 and application links',
  '3.5.1': 'External-application links (the Atlassian product is provider or client)',
  '3.5.2': 'Atlassian-product links via OAuth 2.0 (DC to DC, DC to Cloud)',
  '4': 'Incoming vs outgoing semantics (rules for the engine)',
  '5': 'Primary authentication type; impersonating vs non-impersonating',
  '5.1': 'Primary authentication type',
  '5.2': 'Impersonating vs non-impersonating',
  '6': 'Statuses and diagnostics (Applinks 5.x and later)',
  '6.1': 'Status lozenges (DC UI, Applinks 5.0.5 and later)',
  '6.2': 'Error model (REST error.category / error.type)',
  '6.3': 'Order of checks in the status service',
  '6.4': 'Trusted-Apps-specific log errors',
  '7': '"Update legacy link to OAuth" flow (Applinks 5.2 and later)',
  '8': 'Security implications and recommendations',
  '9': 'REST endpoints and import data shapes',
  '9.1': 'Example shapes',
  '9.2': 'Normalisation rules for the importer',
  '10': 'Product types that can be linked',
  '11': 'Version tables',
  '11.1': 'OAuth 2.0 for Atlassian-product application links',
  '11.2': 'OAuth 2.0 for external-application links (provider/client role)',
  '11.3': 'Trusted Applications / Basic: deprecation and removal timeline',
  '12': 'Rules table (inputs to recommendation, flags, warnings)',
  '13': 'Migration checklists',
  '13.1': 'Trusted Applications (or Basic) to OAuth 1.0a',
  '13.2': 'OAuth 1.0a to OAuth 2.0 (Atlassian product links)',
  '14': 'Acceptance test scenarios',
  '15': 'Open questions / unclear documentation',
  '16': 'Sources',
};

const ORIGIN: Record<'doc' | 'code' | 'third-party', string> = {
  doc: 'Atlassian documentation or knowledge base',
  code: 'Atlassian Application Links plugin source (mostly decompiled classes; repository not attributable)',
  'third-party': 'Third-party documentation',
};

/**
 * A citation as it appears in text: S-numbers (S53c), CODE-ids, the seed page, open questions and
 * domain sections ("domain §2.3", or a bare "§2.3", which always means the domain knowledge base).
 */
export const CITATION = /\bS\d+[a-z]?\b|\bCODE-[A-Za-z0-9-]*[A-Za-z0-9]|\bQ\d+\b|\bseed\b|(?:\bdomain )?§ ?\d+(?:\.\d+)*/g;

/** The id of a citation found by `CITATION`: a section is always "domain §n". */
export const citationId = (match: string) => (match.includes('§') ? `domain §${match.replace(/^.*§ ?/, '')}` : match);

/** Every citation in a text, as ids. */
export const citationsIn = (text: string): string[] => [...text.matchAll(CITATION)].map((m) => citationId(m[0]));

/** The entry for a cited id, or undefined when nothing explains it (a test keeps that from shipping). */
export function bibliographyEntry(id: string): BibliographyEntry | undefined {
  const source = SOURCES[id];
  if (source) {
    const origin = id === 'seed' ? 'Confluence 5.0 documentation, shipped with the domain knowledge base' : ORIGIN[source.kind];
    return { id, title: source.title, origin, ...(source.url ? { url: source.url } : {}), kind: source.kind };
  }
  const question = OPEN_QUESTIONS[id];
  if (question) return { id, title: `Open question: ${question}`, origin: `${KNOWLEDGE_BASE}, §15 (no source answers it)`, kind: 'question' };
  const section = /^domain §(.+)$/.exec(id)?.[1];
  if (section !== undefined && DOMAIN_SECTIONS[section]) return { id, title: DOMAIN_SECTIONS[section]!, origin: KNOWLEDGE_BASE, kind: 'domain' };
  return undefined;
}

const KIND_ORDER: BibliographyEntry['kind'][] = ['doc', 'third-party', 'code', 'question', 'domain'];
const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Cited ids in bibliography order: documents (the seed page first), third party, code, questions, sections. */
export function sortCitations(entries: BibliographyEntry[]): BibliographyEntry[] {
  return [...entries].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.id === 'seed' ? -1 : b.id === 'seed' ? 1 : natural(a.id, b.id)));
}
