// The words of the link model, without zod: the renderer imports these (zod's schemas probe `eval`,
// which the renderer's CSP forbids), the schemas in link.ts are built from them.

/** Products that can be linked (domain §10). `jsm` is kept apart from `jira` for version thresholds. */
export const PRODUCTS = ['jira', 'jsm', 'confluence', 'bitbucket', 'bamboo', 'crowd', 'fecru', 'generic'] as const;
export type Product = (typeof PRODUCTS)[number];

/** Authentication tokens a direction can carry (inventory format, issue 3). */
export const AUTH_TOKENS = ['trustedApps', 'basic', 'oauth3lo', 'oauth2lo', 'oauth2loi', 'oauth2'] as const;
export type AuthToken = (typeof AUTH_TOKENS)[number];

/** Answers to the flowchart's questions that only the administrator can give. */
export const ANSWER_KEYS = ['mutualTrust', 'sharedUserBase', 'adminOnRemote', 'sysadminOnRemote'] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];

/** Atlassian `error.type` values of the status REST resource (domain §6.2). */
export const ERROR_TYPES = [
  'UNKNOWN', 'NO_OUTGOING_AUTH', 'REMOTE_VERSION_INCOMPATIBLE', 'GENERIC_LINK', 'NON_ATLASSIAN', 'SYSTEM_LINK',
  'CONNECTION_REFUSED', 'UNKNOWN_HOST', 'SSL_UNTRUSTED', 'SSL_HOSTNAME_UNMATCHED', 'SSL_UNMATCHED',
  'OAUTH_PROBLEM', 'OAUTH_TIMESTAMP_REFUSED', 'OAUTH_SIGNATURE_INVALID', 'UNEXPECTED_RESPONSE',
  'UNEXPECTED_RESPONSE_STATUS', 'LOCAL_AUTH_TOKEN_REQUIRED', 'REMOTE_AUTH_TOKEN_REQUIRED',
  'INSUFFICIENT_REMOTE_PERMISSION', 'NO_REMOTE_APPLINK', 'AUTH_LEVEL_MISMATCH', 'AUTH_LEVEL_UNSUPPORTED',
  'LEGACY_UPDATE', 'LEGACY_REMOVAL', 'MANUAL_LEGACY_UPDATE', 'MANUAL_LEGACY_REMOVAL',
  'MANUAL_LEGACY_REMOVAL_WITH_OLD_EDIT', 'DISABLED',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

/** Features that depend on a particular authentication (rules R13, R14). */
export const FEATURES = ['devPanel', 'gadgets', 'jiraIssuesMacro', 'other'] as const;

export const LINK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const VERSION_PATTERN = /^\d+(\.\d+){0,3}(-[0-9A-Za-z.]+)?$/;


/**
 * How a link in a bundle relates to this workspace: not here yet; the same content; a later version
 * of this workspace's state; an earlier version of it; or changed on both sides since they parted.
 */
export const BUNDLE_ROW_STATUSES = ['new', 'identical', 'update', 'older', 'conflict'] as const;
export type BundleRowStatus = (typeof BUNDLE_ROW_STATUSES)[number];
/** What the user chooses for a link of a bundle. */
export const BUNDLE_RESOLUTIONS = ['keep-mine', 'take-theirs', 'keep-both'] as const;
export type BundleResolution = (typeof BUNDLE_RESOLUTIONS)[number];

/** What the engine recommends; one per outcome of the current chart (issue 3). */
export const RECOMMENDATIONS = ['NONE', 'OAUTH', 'OAUTH_IMPERSONATION', 'OAUTH2', 'EXTERNAL', 'UNDETERMINED'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Severity of a finding, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Migration checklists a verdict can point to (the checklists themselves are issue 5). */
export const CHECKLIST_IDS = ['ta-to-oauth', 'oauth-to-oauth2'] as const;
export type ChecklistId = (typeof CHECKLIST_IDS)[number];

/** The formats a report can be written in: the contract, the CLI, the service and the dialog read this list. */
export const REPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The parts a full report can be made of (`report --sections`, the dialog); all of them by default. */
export const REPORT_SECTIONS = ['summary', 'links', 'findings', 'checklists', 'history'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/**
 * What a reviewer decided about one finding of one link (issue 17, after DISA STIG Viewer's finding
 * statuses). `accepted-risk` and `false-positive` need a reason; either stops counting as open.
 */
export const TRIAGE_STATUSES = ['open', 'accepted-risk', 'false-positive', 'fixed-pending-verification'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];
/** The statuses that must say why. */
export const TRIAGE_NEEDS_REASON: readonly TriageStatus[] = ['accepted-risk', 'false-positive'];
/** A rule id as the guidance names it (R01…). */
export const RULE_ID_PATTERN = /^R\d{2}$/;
/** A calendar day, as `<input type="date">` and the CLI write it. */
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
