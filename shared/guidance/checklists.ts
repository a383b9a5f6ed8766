import type { ChecklistId } from './updatePaths.ts';

export const CHECKLIST_SECTIONS = ['prerequisites', 'steps', 'verification', 'rollback'] as const;
export type ChecklistSection = (typeof CHECKLIST_SECTIONS)[number];

/**
 * When an item applies, as data: every listed fact must hold. Facts are computed from the link and its
 * verdict by `engine/checklist.ts`.
 */
export interface ItemCondition {
  updatePaths?: Array<1 | 2 | 3 | 4 | 5>;
  usesTrustedApps?: boolean;
  /** `true`: answered yes; `false`: answered no or not answered. */
  sharedUserBase?: boolean;
  clusteredOrProxied?: boolean;
  anyThreeLoOnly?: boolean;
  features?: Array<'devPanel' | 'gadgets' | 'jiraIssuesMacro'>;
}

export interface ChecklistItem {
  id: string;
  section: ChecklistSection;
  text: string;
  /** Where the work is done. */
  end: 'local' | 'remote' | 'both';
  sources: string[];
  rule?: string;
  when?: ItemCondition;
  /** Rollback and alternatives are contingencies: not required to close the migration. */
  optional?: boolean;
  /** Pasted status JSON is checked: `working: false` or an error blocks "done" without an override. */
  evidence?: 'status';
  /** A trap the domain file warns about; shown highlighted. */
  trap?: boolean;
}

export interface Checklist {
  id: ChecklistId;
  title: string;
  summary: string;
  items: ChecklistItem[];
}

const item = (id: string, section: ChecklistSection, end: ChecklistItem['end'], text: string, sources: string[], extra: Partial<ChecklistItem> = {}): ChecklistItem =>
  ({ id, section, end, text, sources, ...extra });

/** Domain §13.1, with the update paths of §7 and the traps of §3 and §7. */
export const TA_TO_OAUTH: Checklist = {
  id: 'ta-to-oauth',
  title: 'Trusted Applications / Basic → OAuth',
  summary: 'Replace the deprecated Trusted Applications or Basic HTTP authentication of this link with OAuth, on both ends.',
  items: [
    item('ta-pre-inventory', 'prerequisites', 'both', 'Export both ends: GET /rest/applinks/1.0/listApplicationlinks and /rest/applinks/3.0/status/{id}. Keep the exports as secrets (Basic credentials, OAuth keys).', ['S36', 'S37']),
    item('ta-pre-backup', 'prerequisites', 'both', 'Take a database backup of both applications: the only full rollback once Trusted Apps or Basic is gone (inferred).', ['S18']),
    item('ta-pre-compatible', 'prerequisites', 'both', 'Confirm both ends run Application Links, the remote 4.0.13 or later; the same major Applinks version on both is preferred.', ['CODE-StatusValidation', 'S23'], { rule: 'R22' }),
    item('ta-pre-target-imp', 'prerequisites', 'both', 'Target: OAuth (impersonation) — the user bases are shared (same usernames, e.g. one LDAP or Crowd directory).', ['S5', 'S19'], { when: { sharedUserBase: true }, rule: 'R03' }),
    item('ta-pre-target-oauth', 'prerequisites', 'both', 'Target: OAuth without impersonation — the user bases are not (known to be) shared.', ['S5', 'S19'], { when: { sharedUserBase: false }, rule: 'R04' }),
    item('ta-pre-sysadmin', 'prerequisites', 'remote', 'Make sure you can log in as system administrator on the remote: the automatic path needs it.', ['S18'], { when: { updatePaths: [1, 3] } }),
    item('ta-pre-network', 'prerequisites', 'both', 'Fix every NETWORK ERROR first: no authentication change can be verified while the link cannot connect.', ['S21'], { rule: 'R24', trap: true }),
    item('ta-pre-https', 'prerequisites', 'both', 'Use HTTPS on both base URLs: configuring OAuth transmits sensitive data.', ['S7'], { rule: 'R16' }),
    item('ta-pre-urls', 'prerequisites', 'both', 'Check the application URL and base URL of each end match what the other end uses, behind proxies too (avoids oauth_problem=signature_invalid).', ['S22'], { rule: 'R25' }),
    item('ta-pre-clocks', 'prerequisites', 'both', 'Synchronise the clocks of both servers with NTP (avoids timestamp_refused and CertificateTooOldException).', ['S22', 'S13'], { rule: 'R26', trap: true }),
    item('ta-pre-ip-patterns', 'prerequisites', 'both', 'Until Trusted Apps is gone, its IP patterns must list every cluster node and proxy, or requests fail with BAD_REMOTE_IP.', ['S12'], { when: { usesTrustedApps: true, clusteredOrProxied: true }, rule: 'R18', trap: true }),

    item('ta-step-open', 'steps', 'local', 'Open Administration → Application links: the link shows DEPRECATED (UPGRADE CONFIG in older versions).', ['S18', 'S21']),
    item('ta-step-auto-update', 'steps', 'local', 'Path 1 — run the automatic update from the DEPRECATED lozenge. Applinks adds OAuth to both ends, checks it works, then disables Trusted Apps / Basic. Trusted Apps becomes OAuth (impersonation), Basic becomes OAuth (3LO + 2LO).', ['S18', 'CODE-RemoteMigration'], { when: { updatePaths: [1] } }),
    item('ta-step-auto-remove', 'steps', 'local', 'Path 3 — run the automatic removal of the deprecated types from the DEPRECATED lozenge; OAuth stays as configured.', ['S18'], { when: { updatePaths: [3] } }),
    item('ta-step-manual-local', 'steps', 'local', 'Path 2 — on this end, edit the link (pencil) → Connections → choose OAuth, or OAuth (impersonation) for a shared user base → Save.', ['S19', 'S18'], { when: { updatePaths: [2] } }),
    item('ta-step-manual-remote', 'steps', 'remote', 'Path 2 — as administrator of the remote, make the same change on its link back, so incoming and outgoing match on both ends.', ['S19', 'S18'], { when: { updatePaths: [2] } }),
    item('ta-step-remove-newer', 'steps', 'both', 'Path 4 — on each end, edit the link and remove Trusted Apps / Basic, keeping OAuth; do the remote as its administrator.', ['S18'], { when: { updatePaths: [4] } }),
    item('ta-step-remove-older', 'steps', 'remote', 'Path 5 — the remote Application Links is older than 5.2: remove incoming Trusted Apps with its old edit screens (Configure → Incoming Authentication → Trusted Applications).', ['S18'], { when: { updatePaths: [5] } }),
    item('ta-step-remove-older-local', 'steps', 'local', 'Path 5 — then remove the deprecated type on this end, keeping OAuth.', ['S18'], { when: { updatePaths: [5] } }),
    item('ta-step-2lo', 'steps', 'both', 'Tick "Allow 2-legged OAuth" on both ends: an update made by hand enables 3LO only, which the status check rejects (AUTH_LEVEL_UNSUPPORTED).', ['S7', 'CODE-StatusValidation'], { when: { updatePaths: [2, 4, 5] }, rule: 'R09', trap: true }),
    item('ta-step-2lo-existing', 'steps', 'both', 'This link already runs 3LO without 2LO: tick "Allow 2-legged OAuth" on both ends.', ['S7', 'CODE-StatusValidation'], { when: { updatePaths: [1, 3], anyThreeLoOnly: true }, rule: 'R09', trap: true }),
    item('ta-step-downgrade-imp', 'steps', 'both', 'The automatic update gives OAuth (impersonation) for Trusted Apps even when the user bases are not shared: change it to OAuth on both ends.', ['CODE-RemoteMigration', 'S5'], { when: { updatePaths: [1, 3], usesTrustedApps: true, sharedUserBase: false }, rule: 'R08', trap: true }),
    item('ta-step-recreate', 'steps', 'both', 'Alternative if an update fails: delete the link on both ends (check the remote side is really gone) and recreate it with the wizard. Macros and gadgets resume; no content is removed.', ['S38'], { optional: true }),

    item('ta-verify-status-local', 'verification', 'local', 'GET /rest/applinks/3.0/status/{id} on this end answers "working": true with no error; paste it as evidence.', ['S36', 'S21'], { evidence: 'status' }),
    item('ta-verify-status-remote', 'verification', 'remote', 'The same status call on the remote answers "working": true with no error; paste it as evidence.', ['S36', 'S21'], { evidence: 'status' }),
    item('ta-verify-mirror', 'verification', 'both', 'The local and remote OAuth levels mirror each other: no AUTH_LEVEL_MISMATCH, no DEPRECATED, no AUTH_LEVEL_UNSUPPORTED.', ['CODE-StatusValidation'], { rule: 'R10' }),
    item('ta-verify-macro', 'verification', 'both', 'The Jira Issues macro and gadgets show data.', ['S16'], { when: { features: ['jiraIssuesMacro', 'gadgets'] } }),
    item('ta-verify-devpanel', 'verification', 'both', 'The Jira development panel shows branches, commits and builds (it needs 3LO and 2LO).', ['S48'], { when: { features: ['devPanel'] }, rule: 'R13' }),
    item('ta-verify-prompt', 'verification', 'both', 'A user not logged in to the remote sees no prompt (impersonation) or the expected OAuth approval (3LO).', ['S5']),

    item('ta-rollback-none', 'rollback', 'both', 'There is no supported way back to Trusted Apps or Basic on Applinks 5.2 and later.', ['S18', 'S20'], { optional: true }),
    item('ta-rollback-level', 'rollback', 'both', 'To undo a level change, restore the previous OAuth level by editing the link or with PUT /rest/applinks/3.0/status/{id}/oauth and the saved {incoming, outgoing} triples.', ['CODE-ApplinkStatusResource'], { optional: true }),
    item('ta-rollback-recreate', 'rollback', 'both', 'Otherwise delete and recreate the link (non-destructive for content), or restore the database backup.', ['S38'], { optional: true }),
  ],
};

/** Domain §13.2. Offered only when both ends are eligible for OAuth 2.0 product links. */
export const OAUTH_TO_OAUTH2: Checklist = {
  id: 'oauth-to-oauth2',
  title: 'OAuth 1.0a → Atlassian product via OAuth 2.0',
  summary: 'Create an "Atlassian product via OAuth 2.0" link beside the OAuth 1.0a link, move the integrations, then remove the old link.',
  items: [
    item('o2-pre-versions', 'prerequisites', 'both', 'Both products are at or above the OAuth 2.0 thresholds: Jira/JSM 11.2, Confluence 10.1, Bitbucket 10.1, Bamboo 12.0, Crowd 7.1.', ['S27', 'seed'], { rule: 'R20' }),
    item('o2-pre-https', 'prerequisites', 'both', 'Both base URLs are HTTPS and correct: redirect URLs derive from them, and HTTPS is enforced in production.', ['S31', 'S33'], { rule: 'R16' }),
    item('o2-pre-admin', 'prerequisites', 'both', 'You are administrator on both products.', ['S27']),
    item('o2-pre-integrations', 'prerequisites', 'both', 'List the integrations that rely on this link\'s 2LO or impersonation. Caveat (open question Q3): no source says OAuth 2.0 product links offer an equivalent, so server-side integrations may behave differently.', ['S27'], { trap: true }),
    item('o2-pre-scopes', 'prerequisites', 'both', 'Decide least-privilege scopes per side. Jira: READ, WRITE, ADMIN, SYSTEM_ADMIN (READ_ALL ignores permissions); Confluence: READ, WRITE, ADMIN, SYSTEM_ADMIN; Bitbucket: repository and project scopes; Bamboo: READ, TRIGGER, USER, WRITE; Crowd: USER, SYSTEM_ADMIN.', ['S32', 'S30'], { rule: 'R30' }),
    item('o2-pre-secrets', 'prerequisites', 'both', 'Plan how the client IDs and secrets are handled: they can be viewed again in Application links, so restrict administrator access.', ['S30', 'S35']),

    item('o2-step-create-a', 'steps', 'local', 'On this end: Application links → Create link → "Atlassian product via OAuth 2.0" → the remote\'s URL (confirm if the display URL differs).', ['S27']),
    item('o2-step-incoming-a', 'steps', 'local', 'In "Create incoming link" pick the scopes the remote may use here; save and note this end\'s client ID and secret.', ['S27']),
    item('o2-step-create-b', 'steps', 'remote', 'On the remote: create the corresponding link, choose the scopes for this end\'s access, and note its client ID and secret.', ['S27']),
    item('o2-step-outgoing', 'steps', 'both', 'Complete each side\'s outgoing part with the other side\'s client ID and secret.', ['S27']),
    item('o2-step-repoint', 'steps', 'both', 'Re-point features (e.g. make the new link primary for its application type). Keep the OAuth 1.0a link until verification passes.', ['S35'], { trap: true }),
    item('o2-step-remove-old', 'steps', 'both', 'Once verified, remove the old OAuth 1.0a link on both ends.', ['S35']),

    item('o2-verify-connected', 'verification', 'both', 'The new link shows as connected in both directions and its OAuth credentials are viewable.', ['S35']),
    item('o2-verify-listed', 'verification', 'local', 'GET /rest/applinks/3.0/applinks lists the OAuth 2.0 link.', ['S36']),
    item('o2-verify-features', 'verification', 'both', 'Users complete the consent flow once; issue macros, the development panel and other integrations work with the chosen scopes.', ['S32']),

    item('o2-rollback-keep', 'rollback', 'both', 'Until verification passes, the OAuth 1.0a link stays: rolling back means deleting the OAuth 2.0 link.', ['S35'], { optional: true }),
    item('o2-rollback-recreate', 'rollback', 'both', 'If the two links cannot coexist (open question Q8), delete the OAuth 2.0 link and recreate the OAuth 1.0a link with the wizard (non-destructive for content). An OAuth 1.0a link cannot be converted in place.', ['S38'], { optional: true }),
  ],
};

export const CHECKLISTS: Readonly<Record<ChecklistId, Checklist>> = { 'ta-to-oauth': TA_TO_OAUTH, 'oauth-to-oauth2': OAUTH_TO_OAUTH2 };
