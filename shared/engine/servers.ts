import type { AssessmentDocument } from '../model/assessmentDocument.ts';
import type { AuthToken, Product } from '../model/vocabulary.ts';
import type { Severity } from '../guidance/rules.ts';
import { SEVERITIES } from '../guidance/rules.ts';
import type { Verdict } from './assessLink.ts';
import { checklistsFor } from './checklist.ts';
import type { OAuth2Status } from './oauth2Readiness.ts';
import { compareVersions } from './version.ts';
import { localDay, triageCounts } from './triage.ts';

/** Authentication an end uses, as the Servers view counts it. */
export type AuthKind = 'trustedApps' | 'basic' | 'oauth' | 'oauth2' | 'none';

/** One server of the estate: every link with an end on that host. */
export interface ServerSummary {
  /** The host (with its port when not the default), or "(no URL)" for ends without a base URL. */
  url: string;
  product: Product;
  /** The version seen on that host's ends (the newest, when links disagree). */
  version: string | null;
  links: number;
  /** Links whose end on this server uses each kind; a link counts once per kind it uses. */
  auth: Record<AuthKind, number>;
  /** The worst open finding of its links: accepted risks and false positives in force do not count (issue 17). */
  worstSeverity: Severity | null;
  /** Links by OAuth 2.0 readiness. */
  readiness: Record<OAuth2Status, number>;
  /** Links with an applicable (unlocked) migration checklist: still open, or all closed. */
  migrations: { open: number; done: number };
}

const KIND_OF: Record<AuthToken, AuthKind> = { trustedApps: 'trustedApps', basic: 'basic', oauth3lo: 'oauth', oauth2lo: 'oauth', oauth2loi: 'oauth', oauth2: 'oauth2' };

/** The server an end belongs to in the Servers view: its host, or "(no URL)". */
export const NO_URL = '(no URL)';
export const serverOf = (end: { baseUrl?: string | undefined }): string => hostOf(end.baseUrl) ?? NO_URL;

/** The kinds of authentication one end's directions use; "none" when its configuration is known and empty, nothing when unknown. */
export function authKindsOf(config: { outgoing: readonly AuthToken[]; incoming: readonly AuthToken[] } | undefined): Set<AuthKind> {
  const kinds = new Set<AuthKind>([...(config?.outgoing ?? []), ...(config?.incoming ?? [])].map((t) => KIND_OF[t]));
  if (config && kinds.size === 0) kinds.add('none');
  return kinds;
}

/** The host a base URL names (lower case, with a non-default port), or null. */
export function hostOf(baseUrl: string | undefined): string | null {
  if (!baseUrl) return null;
  try {
    const url = new URL(baseUrl);
    return url.host.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * The estate by server: each link is counted on the host of each of its ends ("Jira prod: 140 links, 31
 * still on Trusted Apps"), with the authentication that end uses, the link's worst finding, its OAuth 2.0
 * readiness and migration progress. Sorted by number of links, then host.
 */
export function summariseServers(assessed: ReadonlyArray<{ document: AssessmentDocument; verdict: Verdict }>, today = localDay(new Date())): ServerSummary[] {
  const servers = new Map<string, ServerSummary>();
  for (const { document, verdict } of assessed) {
    const { link } = document;
    const worstOpen = triageCounts(verdict.findings, link, today).worstOpen;
    const views = checklistsFor(link, verdict).filter((v) => !v.locked);
    const closed = views.length > 0 && views.every((v) => document.checklists?.[v.id]?.closed);
    const ends = [
      { end: link.local, config: link.config.local },
      { end: link.remote, config: link.config.remote },
    ];
    const seen = new Set<string>();
    for (const { end, config } of ends) {
      const url = serverOf(end);
      if (seen.has(url)) continue;
      seen.add(url);
      let server = servers.get(url);
      if (!server) {
        server = {
          url, product: end.product, version: end.version ?? null, links: 0,
          auth: { trustedApps: 0, basic: 0, oauth: 0, oauth2: 0, none: 0 }, worstSeverity: null,
          readiness: { eligible: 0, unconfirmed: 0, 'not-eligible': 0 }, migrations: { open: 0, done: 0 },
        };
        servers.set(url, server);
      }
      server.links++;
      if (end.version && (!server.version || compareVersions(end.version, server.version) > 0)) server.version = end.version;
      for (const kind of authKindsOf(config)) server.auth[kind]++;
      if (worstOpen && (!server.worstSeverity || SEVERITIES.indexOf(worstOpen) < SEVERITIES.indexOf(server.worstSeverity))) server.worstSeverity = worstOpen;
      server.readiness[verdict.oauth2.status]++;
      if (views.length > 0) server.migrations[closed ? 'done' : 'open']++;
    }
  }
  return [...servers.values()].sort((a, b) => b.links - a.links || a.url.localeCompare(b.url));
}
