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
  /** The two ends' OAuth do not mirror each other (R10 fires). */
  oauthMismatch?: boolean;
  usesBasic?: boolean;
  /** Some direction carries Basic without Trusted Apps: the automatic update turns it into OAuth (3LO + 2LO), not impersonation. */
  basicWithoutTrustedApps?: boolean;
  /** The local end runs Application Links older than 5.2: no DEPRECATED lozenge, no update flow. */
  beforeApplinks52?: boolean;
  /** Both ends are eligible for OAuth 2.0 product links: OAuth 1.0a is a step, not the end. */
  oauth2Next?: boolean;
  /** Trusted Apps or Basic is still configured (or reported by the status). */
  legacy?: boolean;
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
  /** No source says it; the domain file marks it [INFERRED]. */
  inferred?: boolean;
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
    // Domain §13.1 rollback marks the backup [INFERRED]; S18 does not say it (issue 15 point 14).
    item('ta-pre-backup', 'prerequisites', 'both', 'Take a database backup of both applications: the only full rollback once Trusted Apps or Basic is gone (inferred).', [], { inferred: true }),
    item('ta-pre-compatible', 'prerequisites', 'both', 'Confirm both ends run Application Links, the remote 4.0.13 or later; the same major Applinks version on both is preferred.', ['CODE-StatusValidation', 'S23'], { rule: 'R22' }),
    item('ta-pre-target-imp', 'prerequisites', 'both', 'Target: OAuth (impersonation) — the user bases are shared (same usernames, e.g. one LDAP or Crowd directory).', ['S5', 'S19'], { when: { sharedUserBase: true }, rule: 'R03' }),
    item('ta-pre-target-oauth', 'prerequisites', 'both', 'Target: OAuth without impersonation — the user bases are not (known to be) shared.', ['S5', 'S19'], { when: { sharedUserBase: false }, rule: 'R04' }),
    item('ta-pre-sysadmin', 'prerequisites', 'remote', 'Make sure you can log in as system administrator on the remote: the automatic path needs it.', ['S18'], { when: { updatePaths: [1, 3] } }),
    item('ta-pre-local-sysadmin', 'prerequisites', 'local', 'Make sure you can log in as system administrator on this end too: the update dialogs run here, and enabling 2LO with impersonation needs system administrator rights.', ['S18', 'CODE-ApplinkStatusResource']),
    item('ta-pre-config-error', 'prerequisites', 'both', 'Fix every CONFIG ERROR first (AUTH_LEVEL_MISMATCH, NO_REMOTE_APPLINK): Atlassian\'s status check reports a mismatch before the legacy types, and the migration refuses while the two ends\' OAuth differ.', ['CODE-StatusService', 'CODE-StatusValidation', 'CODE-RemoteMigration'], { rule: 'R10', trap: true }),
    item('ta-pre-network', 'prerequisites', 'both', 'Fix every NETWORK ERROR first: no authentication change can be verified while the link cannot connect.', ['S21'], { rule: 'R24', trap: true }),
    item('ta-pre-https', 'prerequisites', 'both', 'Use HTTPS on both base URLs: configuring OAuth transmits sensitive data.', ['S7'], { rule: 'R16' }),
    item('ta-pre-urls', 'prerequisites', 'both', 'Check the application URL and base URL of each end match what the other end uses, behind proxies too (avoids oauth_problem=signature_invalid).', ['S22'], { rule: 'R25' }),
    item('ta-pre-clocks', 'prerequisites', 'both', 'Synchronise the clocks of both servers with NTP (avoids timestamp_refused and CertificateTooOldException).', ['S22', 'S13'], { rule: 'R26', trap: true }),
    item('ta-pre-ip-patterns', 'prerequisites', 'both', 'Until Trusted Apps is gone, its IP patterns must list every cluster node and proxy, or requests fail with BAD_REMOTE_IP.', ['S12'], { when: { usesTrustedApps: true, clusteredOrProxied: true }, rule: 'R18', trap: true }),

    item('ta-step-open', 'steps', 'local', 'Open Administration → Application links: the link shows DEPRECATED (UPGRADE CONFIG in older versions).', ['S18', 'S21'], { when: { beforeApplinks52: false } }),
    item('ta-step-old-screens', 'steps', 'both', 'This end runs Application Links older than 5.2: there is no DEPRECATED lozenge and no update flow. Either upgrade first (Applinks 5.2 ships with Confluence 5.10, Jira 7.2, Bitbucket 4.7, FishEye/Crucible 4.2) and follow the update path it shows, or configure OAuth by hand in the old screens (Configure → Outgoing and Incoming Authentication → OAuth) on both ends and tick "Allow 2-legged OAuth": an update made by hand enables 3LO only.', ['S23', 'seed', 'S7'], { when: { beforeApplinks52: true }, trap: true }),
    item('ta-step-old-screens-remove', 'steps', 'both', 'Once the status (or the features) show OAuth working on both ends, remove Trusted Apps / Basic in the same old screens on both ends.', ['S18', 'S19'], { when: { beforeApplinks52: true } }),
    item('ta-step-mirror-first', 'steps', 'both', 'First make both ends\' OAuth mirror each other (local incoming = remote outgoing, local outgoing = remote incoming, same 2LO and impersonation), then check with GET /rest/applinks/3.0/status/{id} on both ends that AUTH_LEVEL_MISMATCH is gone. Only then remove anything: the migration refuses while the ends differ and removes outgoing Trusted Apps only once the remote\'s incoming OAuth works.', ['CODE-ApplinkOAuthStatus', 'CODE-RemoteMigration', 'S19', 'S36'], { when: { oauthMismatch: true }, rule: 'R10', trap: true }),
    item('ta-step-check-oauth', 'steps', 'both', 'Before removing anything, check the OAuth that stays: GET /rest/applinks/3.0/status/{id} on both ends shows no AUTH_LEVEL_MISMATCH or other CONFIG ERROR.', ['CODE-RemoteMigration', 'S36'], { when: { updatePaths: [4, 5], oauthMismatch: false } }),
    item('ta-step-auto-update', 'steps', 'local', 'Path 1 — run the automatic update from the DEPRECATED lozenge. Applinks adds OAuth to both ends, checks it works, then disables Trusted Apps / Basic. Trusted Apps becomes OAuth (impersonation), Basic becomes OAuth (3LO + 2LO).', ['S18', 'CODE-RemoteMigration'], { when: { updatePaths: [1] } }),
    item('ta-step-auto-remove', 'steps', 'local', 'Path 3 — run the automatic removal of the deprecated types from the DEPRECATED lozenge; OAuth stays as configured.', ['S18'], { when: { updatePaths: [3] } }),
    item('ta-step-manual-local', 'steps', 'local', 'Path 2 — on this end, edit the link (pencil) → Connections → choose OAuth, or OAuth (impersonation) for a shared user base → Save.', ['S19', 'S18'], { when: { updatePaths: [2] } }),
    item('ta-step-manual-remote', 'steps', 'remote', 'Path 2 — as administrator of the remote, make the same change on its link back, so incoming and outgoing match on both ends.', ['S19', 'S18'], { when: { updatePaths: [2] } }),
    item('ta-step-remove-newer', 'steps', 'both', 'Path 4 — on each end, edit the link and remove Trusted Apps / Basic, keeping OAuth; do the remote as its administrator.', ['S18'], { when: { updatePaths: [4] } }),
    // Issue 15 point 3: this end's incoming Trusted Apps is matched by the remote's OUTGOING Trusted Apps (domain §4 rule 3).
    item('ta-step-remove-older', 'steps', 'remote', 'Path 5 — the remote Application Links is older than 5.2: on the remote, remove the outgoing Trusted Apps of its link back with its old edit screens (Configure → Outgoing Authentication → Trusted Applications); it is the counterpart of this end\'s incoming Trusted Apps.', ['S18', 'S11'], { when: { updatePaths: [5] } }),
    item('ta-step-remove-older-local', 'steps', 'local', 'Path 5 — then remove the incoming Trusted Apps on this end, keeping OAuth.', ['S18'], { when: { updatePaths: [5] } }),
    item('ta-step-2lo', 'steps', 'both', 'Tick "Allow 2-legged OAuth" on both ends: an update made by hand enables 3LO only, which the status check rejects (AUTH_LEVEL_UNSUPPORTED).', ['seed', 'S7', 'CODE-StatusValidation'], { when: { updatePaths: [2, 4, 5] }, rule: 'R09', trap: true }),
    // Issue 15 point 14: path 2's verification cannot pass while Trusted Apps / Basic is still configured.
    item('ta-step-manual-remove', 'steps', 'both', 'Path 2 — once GET /rest/applinks/3.0/status/{id} shows OAuth working on both ends, edit the link on each end and remove Trusted Apps / Basic (do the remote as its administrator).', ['S18', 'S19'], { when: { updatePaths: [2] } }),
    item('ta-step-2lo-existing', 'steps', 'both', 'This link already runs 3LO without 2LO: tick "Allow 2-legged OAuth" on both ends.', ['S7', 'CODE-StatusValidation'], { when: { updatePaths: [1, 3], anyThreeLoOnly: true }, rule: 'R09', trap: true }),
    // Issue 15 point 11: the automatic update maps Basic to the default OAuth level, not impersonation.
    item('ta-step-raise-imp', 'steps', 'both', 'The automatic update turns Basic into OAuth (3LO + 2LO) without impersonation. The user bases are shared, so change it to OAuth (impersonation) on both ends (edit → Connections; needs system administrator). Until this is done, the link runs plain OAuth.', ['CODE-RemoteMigration', 'S19', 'S5'], { when: { updatePaths: [1], basicWithoutTrustedApps: true, sharedUserBase: true }, trap: true }),
    item('ta-step-downgrade-imp', 'steps', 'both', 'The automatic update gives OAuth (impersonation) for Trusted Apps even when the user bases are not shared: change it to OAuth on both ends.', ['CODE-RemoteMigration', 'S5'], { when: { updatePaths: [1, 3], usesTrustedApps: true, sharedUserBase: false }, rule: 'R08', trap: true }),
    item('ta-step-basic-password', 'steps', 'both', 'Basic kept a username and password in the link configuration: make sure it is deleted with Basic, and rotate that account\'s password, since exports and backups still hold it.', ['S37', 'S16'], { when: { usesBasic: true }, trap: true }),
    item('ta-step-next-oauth2', 'steps', 'both', 'Both ends can use OAuth 2.0 product links: OAuth 1.0a is the step the update flow forces, not the end. Once this checklist is verified, continue with the "OAuth 1.0a → Atlassian product via OAuth 2.0" checklist.', ['S27', 'seed'], { when: { oauth2Next: true }, rule: 'R20' }),
    item('ta-step-straight-oauth2', 'steps', 'both', 'Alternative: go straight to OAuth 2.0 — delete the link on both ends (non-destructive for content) and create an "Atlassian product via OAuth 2.0" link. Caveat (open question Q3): no source says OAuth 2.0 product links replace 2LO or impersonation; check server-side integrations first.', ['S38', 'S27'], { when: { oauth2Next: true }, optional: true }),
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
  summary: 'Create an "Atlassian product via OAuth 2.0" link, move the integrations, verify, then remove the old OAuth 1.0a link. Whether the new link can exist beside the old one is an open question (Q8).',
  items: [
    item('o2-pre-versions', 'prerequisites', 'both', 'Both products are at or above the OAuth 2.0 thresholds: Jira/JSM 11.2, Confluence 10.1, Bitbucket 10.1, Bamboo 12.0, Crowd 7.1.', ['S27', 'seed'], { rule: 'R20' }),
    item('o2-pre-https', 'prerequisites', 'both', 'Both base URLs are HTTPS and correct: redirect URLs derive from them, and HTTPS is enforced in production.', ['S31', 'S33'], { rule: 'R16' }),
    item('o2-pre-legacy-first', 'prerequisites', 'both', 'This link still carries Trusted Apps or Basic: finish the "Trusted Applications / Basic → OAuth" checklist first (the update flow leads to OAuth 1.0a), or take its alternative of recreating the link directly as OAuth 2.0.', ['S18', 'S38'], { when: { legacy: true }, trap: true }),
    item('o2-pre-admin', 'prerequisites', 'both', 'You are administrator on both products (the flow is carried out on each of them).', ['S27', 'S29']),
    item('o2-pre-integrations', 'prerequisites', 'both', 'List the integrations that rely on this link\'s 2LO or impersonation. Caveat (open question Q3): no source says OAuth 2.0 product links offer an equivalent, so server-side integrations may behave differently.', ['S27'], { trap: true }),
    item('o2-pre-scopes', 'prerequisites', 'both', 'Decide least-privilege scopes per side. Jira: READ, WRITE, ADMIN, SYSTEM_ADMIN (READ_ALL ignores permissions); Confluence: READ, WRITE, ADMIN, SYSTEM_ADMIN; Bitbucket: repository and project scopes; Bamboo: READ, TRIGGER, USER, WRITE; Crowd: USER, SYSTEM_ADMIN.', ['S32', 'S30'], { rule: 'R30' }),
    item('o2-pre-secrets', 'prerequisites', 'both', 'Plan how the client IDs and secrets are handled: they can be viewed again in Application links, so restrict administrator access.', ['S30', 'S35']),

    item('o2-step-coexist', 'steps', 'both', 'Open question Q8: no source says whether an OAuth 2.0 link can exist beside the OAuth 1.0a link to the same remote (classic links refuse a duplicate application URL; OAuth 2.0 links are listed by a separate service). If creating it is refused, export the old link\'s configuration, delete the old link on both ends (non-destructive for content), then create the OAuth 2.0 link.', ['CODE-ApplinkResourceV1', 'CODE-ApplinkV3Resource', 'S38'], { trap: true }),
    item('o2-step-create-a', 'steps', 'local', 'On this end: Application links → Create link → "Atlassian product via OAuth 2.0" → the remote\'s URL (confirm if the display URL differs).', ['S27']),
    item('o2-step-incoming-a', 'steps', 'local', 'In "Create incoming link" pick the scopes the remote may use here; save and note this end\'s client ID and secret.', ['S27']),
    item('o2-step-create-b', 'steps', 'remote', 'On the remote: create the corresponding link, choose the scopes for this end\'s access, and note its client ID and secret.', ['S27']),
    // S29 (not S27) says the client ID and secret of one side's incoming link go into the other side's outgoing link.
    item('o2-step-outgoing', 'steps', 'both', 'Complete each side\'s outgoing part with the other side\'s client ID and secret.', ['S29']),
    item('o2-step-repoint', 'steps', 'both', 'Re-point features (e.g. make the new link primary for its application type). Keep the OAuth 1.0a link, where it could stay, until verification passes (inferred).', ['S57'], { trap: true, inferred: true }),

    item('o2-verify-connected', 'verification', 'both', 'The new link shows as connected in both directions and its OAuth credentials are viewable.', ['S35']),
    item('o2-verify-listed', 'verification', 'local', 'GET /rest/applinks/3.0/applinks lists the OAuth 2.0 link.', ['CODE-ApplinkV3Resource']),
    item('o2-verify-features', 'verification', 'both', 'Users complete the consent flow once; issue macros, the development panel and other integrations work with the chosen scopes.', ['S32']),
    // Issue 15 point 14: removal comes after verification, not among the steps before it.
    item('o2-verify-remove-old', 'verification', 'both', 'Only after the checks above pass: remove the old OAuth 1.0a link on both ends (if it still exists), and check the remote side is really gone (inferred).', ['S38', 'S57'], { inferred: true }),

    item('o2-rollback-keep', 'rollback', 'both', 'Where the OAuth 1.0a link stayed, rolling back means deleting the OAuth 2.0 link; the classic "Atlassian product" link type still creates OAuth 1.0a links.', ['S35'], { optional: true }),
    item('o2-rollback-recreate', 'rollback', 'both', 'If the old link had to go (open question Q8), delete the OAuth 2.0 link and recreate the OAuth 1.0a link with the wizard (non-destructive for content). A third party reports an OAuth 1.0a link cannot be converted in place.', ['S38', 'S65'], { optional: true }),
  ],
};

export const CHECKLISTS: Readonly<Record<ChecklistId, Checklist>> = { 'ta-to-oauth': TA_TO_OAUTH, 'oauth-to-oauth2': OAUTH_TO_OAUTH2 };
