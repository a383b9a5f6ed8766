import type { Recommendation } from '../guidance/flowcharts.ts';
import type { AnswerKey, AuthToken, ErrorType } from '../model/link.ts';
import type { OAuth2Status } from '../engine/oauth2Readiness.ts';

/** Plain-English names used by the UI and the reports. */
export const TOKEN_LABELS: Record<AuthToken, string> = {
  trustedApps: 'Trusted Applications',
  basic: 'Basic HTTP',
  oauth3lo: 'OAuth 3LO',
  oauth2lo: 'OAuth 2LO',
  oauth2loi: 'OAuth 2LO with impersonation',
  oauth2: 'OAuth 2.0',
};

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  NONE: 'One-way, no authentication',
  OAUTH: 'OAuth',
  OAUTH_IMPERSONATION: 'OAuth (impersonation)',
  OAUTH2: 'OAuth 2.0',
  EXTERNAL: 'External application',
  UNDETERMINED: 'Needs answers',
};

export const OAUTH2_LABELS: Record<OAuth2Status, string> = {
  eligible: 'Ready',
  unconfirmed: 'Unconfirmed',
  'not-eligible': 'Not ready',
};

/** The administrator's questions; the chart's help text is added by the editor from the guidance data. */
export const ANSWER_QUESTIONS: Record<AnswerKey, { question: string; node?: string; help?: string }> = {
  adminOnRemote: { question: 'Do you have administrator access to the remote application?', node: 'Q_ADMIN' },
  mutualTrust: { question: 'Do the two applications fully trust each other?', node: 'Q_TRUST' },
  sharedUserBase: { question: 'Do the two applications share the same user base?', node: 'Q_USERS' },
  sysadminOnRemote: {
    question: 'Can you log in as system administrator on the remote?',
    help: 'Needed for the automatic update paths (1 and 3) and to enable 2LO with impersonation.',
  },
};

/** Atlassian's status lozenge for an error type (domain §6.2; the mapping is inferred there). */
export function lozengeFor(errorType: ErrorType | undefined, working: boolean | undefined): string {
  if (!errorType) return working ? 'CONNECTED' : 'NOT RECORDED';
  const byCategory: Array<[string, ErrorType[]]> = [
    ['NETWORK ERROR', ['CONNECTION_REFUSED', 'UNKNOWN_HOST', 'SSL_UNTRUSTED', 'SSL_HOSTNAME_UNMATCHED', 'SSL_UNMATCHED', 'OAUTH_PROBLEM', 'OAUTH_TIMESTAMP_REFUSED', 'OAUTH_SIGNATURE_INVALID', 'UNEXPECTED_RESPONSE', 'UNEXPECTED_RESPONSE_STATUS']],
    ['CONFIG ERROR', ['NO_REMOTE_APPLINK', 'AUTH_LEVEL_MISMATCH']],
    ['DEPRECATED', ['AUTH_LEVEL_UNSUPPORTED', 'LEGACY_UPDATE', 'LEGACY_REMOVAL', 'MANUAL_LEGACY_UPDATE', 'MANUAL_LEGACY_REMOVAL', 'MANUAL_LEGACY_REMOVAL_WITH_OLD_EDIT']],
    ['ACCESS DENIED', ['INSUFFICIENT_REMOTE_PERMISSION']],
    ['AUTHENTICATE TO SEE STATUS', ['LOCAL_AUTH_TOKEN_REQUIRED', 'REMOTE_AUTH_TOKEN_REQUIRED']],
    ['INCOMPATIBLE', ['NO_OUTGOING_AUTH', 'REMOTE_VERSION_INCOMPATIBLE']],
    ['NON-ATLASSIAN', ['GENERIC_LINK', 'NON_ATLASSIAN']],
    ['SYSTEM', ['SYSTEM_LINK']],
    ['DISABLED', ['DISABLED']],
  ];
  return byCategory.find(([, types]) => types.includes(errorType))?.[0] ?? 'UNKNOWN';
}

/** A direction's configuration in words an administrator uses: "OAuth (3LO, 2LO, impersonation)", "Trusted Apps + Basic". */
export function directionText(tokens: readonly AuthToken[] | undefined): string {
  if (tokens === undefined) return 'Unknown';
  const parts: string[] = [];
  if (tokens.includes('trustedApps')) parts.push('Trusted Apps');
  if (tokens.includes('basic')) parts.push('Basic HTTP');
  const oauth = (['oauth3lo', 'oauth2lo', 'oauth2loi'] as const).filter((t) => tokens.includes(t)).map((t) => ({ oauth3lo: '3LO', oauth2lo: '2LO', oauth2loi: 'impersonation' })[t]);
  if (oauth.length) parts.push(`OAuth (${oauth.join(', ')})`);
  if (tokens.includes('oauth2')) parts.push('OAuth 2.0');
  return parts.length ? parts.join(' + ') : 'None';
}

/** Very short form for table cells: TA, Basic, 3LO, 2LO, 2LOi, OAuth2. */
export const TOKEN_SHORT: Record<AuthToken, string> = {
  trustedApps: 'TA', basic: 'Basic', oauth3lo: '3LO', oauth2lo: '2LO', oauth2loi: '2LOi', oauth2: 'OAuth 2.0',
};
