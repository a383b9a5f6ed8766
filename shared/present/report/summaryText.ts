import type { Severity, TriageStatus } from '../../model/vocabulary.ts';
import type { AuthInUse, ExecutiveSummary } from './executiveSummary.ts';
import type { Report } from './reportModel.ts';

/** The summary's words, shared by its HTML and Markdown. */
export const AUTH_LABELS: Record<AuthInUse, string> = {
  legacy: 'Trusted Applications or Basic', oauth: 'OAuth 1.0a (no legacy)', oauth2: 'OAuth 2.0 only', none: 'No authentication',
};

export const SEVERITY_LABELS: Record<Severity | 'none', string> = {
  critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Information', none: 'No finding',
};

export const DECISION_LABELS: Partial<Record<TriageStatus, string>> = {
  'accepted-risk': 'Accepted risk', 'false-positive': 'False positive', 'fixed-pending-verification': 'Fixed, pending verification',
};

const n = (value: number) => value.toLocaleString('en-GB');
const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '0%');

/** The key figure of the migration: links still on Trusted Applications or Basic. */
export const keyFigureText = (es: ExecutiveSummary) =>
  `${n(es.authInUse.legacy)} of ${n(es.total)} link${es.total === 1 ? '' : 's'} (${percent(es.authInUse.legacy, es.total)}) still use Trusted Applications or Basic HTTP.`;

export const scopeText = (report: Report, es: ExecutiveSummary) =>
  `This summary covers ${n(es.total)} application link${es.total === 1 ? '' : 's'} between ${n(es.servers)} server${es.servers === 1 ? '' : 's'}, assessed against Atlassian's guidance by Applink Advisor ${report.meta.appVersion}. Triage decisions are counted as they stand on ${es.today}: an accepted risk or a false positive stops counting as open until its day has passed.`;

/** "… and 12 more servers with fewer links" */
export const moreText = (count: number, noun: string, rest: string) => `… and ${n(count)} more ${noun}${count === 1 ? '' : 's'} ${rest}.`;

/** The migration figures in one sentence, as `assess` and the inventory count them. */
export const migrationText = (s: Report['summary']) =>
  `Migrations (links with an open checklist): ${s.migrationsOpen} open, ${s.migrationsDone} done; ${s.migrationsPlanned} planned, blocked.`;
