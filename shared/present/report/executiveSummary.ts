import { summariseServers, type ServerSummary } from '../../engine/servers.ts';
import { localDay, triageCounts, triageOf } from '../../engine/triage.ts';
import { SEVERITIES, type Severity } from '../../guidance/rules.ts';
import type { AuthToken } from '../../model/vocabulary.ts';
import type { TriageStatus } from '../../model/vocabulary.ts';
import type { Report, ReportLink } from './reportModel.ts';

/** How a link authenticates today, worst first: any Trusted Applications or Basic end makes it legacy. */
export const AUTH_IN_USE = ['legacy', 'oauth', 'oauth2', 'none'] as const;
export type AuthInUse = (typeof AUTH_IN_USE)[number];

/** The caps that keep the summary within its page limit at any estate size (the rest is counted, not listed). */
export interface SummaryLimits { servers: number; risks: number; linksPerRisk: number; decisions: number; reasonChars: number }
export const SUMMARY_LIMITS: SummaryLimits = { servers: 15, risks: 10, linksPerRisk: 3, decisions: 20, reasonChars: 240 };

/** One rule that is open on some links: the summary's "top risks" are these, most severe and widest first. */
export interface TopRisk {
  rule: string;
  severity: Severity;
  title: string;
  remedy: string;
  sources: string[];
  /** Links on which it is open; `links` names the first few. */
  openOn: number;
  links: Array<{ id: string; name: string }>;
}

/** A triage decision the summary lists: an accepted risk or a false positive, possibly past its day. */
export interface SummaryDecision {
  linkId: string;
  linkName: string;
  rule: string;
  severity: Severity;
  status: TriageStatus;
  reason: string;
  owner: string | null;
  due: string | null;
  expired: boolean;
}

/** The executive summary: every figure of the estate on a few pages, whatever its size. */
export interface ExecutiveSummary {
  today: string;
  total: number;
  servers: number;
  authInUse: Record<AuthInUse, number>;
  /** Of the legacy links: how many use each legacy method (a link may use both). */
  legacy: { trustedApps: number; basic: number };
  /** Links by worst finding as assessed (agrees with `assess`), and by worst finding still open after triage. */
  worst: Array<{ severity: Severity | 'none'; assessed: number; open: number }>;
  findings: { open: Record<Severity, number>; acceptedRisk: number; falsePositive: number; pendingVerification: number; expired: number };
  serverRows: ServerSummary[];
  serversNotShown: number;
  risks: TopRisk[];
  risksNotShown: number;
  decisions: SummaryDecision[];
  decisionsNotShown: number;
  limits: SummaryLimits;
}

const LEGACY: ReadonlySet<AuthToken> = new Set(['trustedApps', 'basic']);
const OAUTH1: ReadonlySet<AuthToken> = new Set(['oauth3lo', 'oauth2lo', 'oauth2loi']);

/** Every token a link's ends use, in both directions. */
function tokensOf({ document: { link } }: ReportLink): AuthToken[] {
  const { local, remote } = link.config;
  return [...local.outgoing, ...local.incoming, ...(remote?.outgoing ?? []), ...(remote?.incoming ?? [])];
}

/** The authentication a link uses, as the summary counts it. */
export function authInUse(l: ReportLink): AuthInUse {
  const tokens = tokensOf(l);
  if (tokens.some((t) => LEGACY.has(t))) return 'legacy';
  if (tokens.some((t) => OAUTH1.has(t))) return 'oauth';
  return tokens.includes('oauth2') ? 'oauth2' : 'none';
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * The executive summary of a report, as of `today` (YYYY-MM-DD, the local day of the report by default):
 * authentication in use (links still on Trusted Applications or Basic first), worst findings before
 * and after triage (triageCounts), the servers (summariseServers), the widest open risks and the
 * triage decisions, each list capped by `limits` with a count of the rest.
 */
export function executiveSummary(report: Report, options: { today?: string; limits?: Partial<SummaryLimits> } = {}): ExecutiveSummary {
  const limits = { ...SUMMARY_LIMITS, ...options.limits };
  const today = options.today ?? localDay(new Date(report.meta.generatedAt));
  const authCounts: Record<AuthInUse, number> = { legacy: 0, oauth: 0, oauth2: 0, none: 0 };
  const legacy = { trustedApps: 0, basic: 0 };
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const findings = { open, acceptedRisk: 0, falsePositive: 0, pendingVerification: 0, expired: 0 };
  const worstAssessed = new Map<string, number>();
  const worstOpen = new Map<string, number>();
  const risks = new Map<string, TopRisk>();
  const decisions: SummaryDecision[] = [];
  for (const l of report.links) {
    const { link } = l.document;
    const kind = authInUse(l);
    authCounts[kind]++;
    if (kind === 'legacy') {
      const tokens = tokensOf(l);
      if (tokens.includes('trustedApps')) legacy.trustedApps++;
      if (tokens.includes('basic')) legacy.basic++;
    }
    const counts = triageCounts(l.verdict.findings, link, today);
    for (const s of SEVERITIES) open[s] += counts.open[s];
    findings.acceptedRisk += counts.acceptedRisk;
    findings.falsePositive += counts.falsePositive;
    findings.pendingVerification += counts.pendingVerification;
    findings.expired += counts.expired;
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    bump(worstAssessed, l.verdict.worstSeverity ?? 'none');
    bump(worstOpen, counts.worstOpen ?? 'none');
    for (const f of l.verdict.findings) {
      const triage = triageOf(link, f.rule, today);
      if (triage.status === 'accepted-risk' || triage.status === 'false-positive' || (triage.expired && triage.decision)) {
        const d = triage.decision!;
        decisions.push({ linkId: link.id, linkName: link.name, rule: f.rule, severity: f.severity, status: d.status, reason: clip(d.reason ?? '', limits.reasonChars), owner: d.owner ?? null, due: d.due ?? null, expired: triage.expired });
      }
      if (triage.status === 'accepted-risk' || triage.status === 'false-positive') continue;
      let risk = risks.get(f.rule);
      if (!risk) risks.set(f.rule, (risk = { rule: f.rule, severity: f.severity, title: f.title, remedy: f.remedy, sources: [...f.sources], openOn: 0, links: [] }));
      if (rank(f.severity) < rank(risk.severity)) Object.assign(risk, { severity: f.severity, title: f.title, remedy: f.remedy, sources: [...f.sources] });
      risk.openOn++;
      if (risk.links.length < limits.linksPerRisk) risk.links.push({ id: link.id, name: link.name });
    }
  }
  const sortedRisks = [...risks.values()].sort((a, b) => rank(a.severity) - rank(b.severity) || b.openOn - a.openOn || a.rule.localeCompare(b.rule, 'en', { numeric: true }));
  // Expired decisions first (they need attention), then by severity, then by due day.
  decisions.sort((a, b) => Number(b.expired) - Number(a.expired) || rank(a.severity) - rank(b.severity) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.linkName.localeCompare(b.linkName));
  const servers = summariseServers(report.links);
  return {
    today, total: report.links.length, servers: servers.length, authInUse: authCounts, legacy,
    worst: [...SEVERITIES, 'none' as const].map((severity) => ({ severity, assessed: worstAssessed.get(severity) ?? 0, open: worstOpen.get(severity) ?? 0 })).filter((r) => r.assessed + r.open > 0),
    findings,
    serverRows: servers.slice(0, limits.servers), serversNotShown: Math.max(0, servers.length - limits.servers),
    risks: sortedRisks.slice(0, limits.risks), risksNotShown: Math.max(0, sortedRisks.length - limits.risks),
    decisions: decisions.slice(0, limits.decisions), decisionsNotShown: Math.max(0, decisions.length - limits.decisions),
    limits,
  };
}
