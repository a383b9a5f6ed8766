/** Severity of a finding, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A rule of domain §12. The predicate that decides whether it fires lives in `engine/rulePredicates.ts`. */
export interface Rule {
  id: string;
  /** Atlassian's error type where one exists; otherwise a stable code of ours. */
  code: string;
  severity: Severity;
  title: string;
  explanation: string;
  remedy: string;
  sources: string[];
}

const rule = (id: string, code: string, severity: Severity, title: string, explanation: string, remedy: string, sources: string[]): Rule =>
  ({ id, code, severity, title, explanation, remedy, sources });

export const RULES: readonly Rule[] = [
  rule('R01', 'ONE_WAY_NO_ADMIN', 'info', 'One-way outgoing link: no admin rights on the remote',
    'Without administrator rights on the remote application only a one-way outgoing link can be made. It reaches anonymous data (hyperlinks, public APIs) only. Basic HTTP was the legacy choice but is unsupported from Applinks 5.2.',
    'Configure no authentication for outgoing and incoming. Ask the remote administrator if you need authenticated access.',
    ['seed', 'S20', 'S47']),
  rule('R02', 'ONE_WAY_NO_TRUST', 'info', 'No mutual trust: do not configure OAuth, Trusted Apps or impersonation',
    'OAuth consumers and Trusted Applications can act as users of the other application. Without mutual trust the only safe link is an unauthenticated one.',
    'Configure no authentication for outgoing and incoming.', ['seed', 'S7']),
  rule('R03', 'RECOMMEND_OAUTH_IMPERSONATION', 'info', 'OAuth (impersonation) on both ends',
    'Atlassian applications that trust each other and share a user base, where OAuth 2.0 product links are not available on both sides: OAuth with impersonation replaces the legacy two-way Trusted Applications.',
    'Enable 3LO, 2LO and 2LO with impersonation for incoming and outgoing on both ends. Enabling 2LO with impersonation needs system administrator rights.',
    ['S5', 'S19', 'S18', 'CODE-ApplinkStatusResource']),
  rule('R04', 'RECOMMEND_OAUTH', 'info', 'OAuth (no impersonation) on both ends',
    'Atlassian applications that trust each other but do not share a user base: OAuth with 3LO and 2LO. 2LO calls run as the configured execution user, not as the logged-in user.',
    'Enable 3LO and 2LO for incoming and outgoing on both ends; leave impersonation off.', ['seed', 'S5', 'S6']),
  rule('R05', 'RECOMMEND_EXTERNAL', 'info', 'Non-Atlassian application: OAuth 2.0 external-application link or OAuth 1.0a consumer',
    'Impersonation exists only between Atlassian applications, and Trusted Applications is unavailable in legacy mode. Prefer OAuth 2.0 where the product supports it.',
    'Create an OAuth 2.0 external-application incoming link (authorization code with PKCE, least-privilege scopes), or an OAuth 1.0a consumer with an RSA public key. No impersonation.',
    ['S5', 'S49', 'S53', 'S30']),
  rule('R06', 'LEGACY_UPDATE', 'high', 'Trusted Applications is deprecated and must be migrated',
    'Applinks 5.2 and later no longer support Trusted Applications; the link shows DEPRECATED. Crowd 2.11 and later reject Trusted Applications altogether.',
    'Migrate to OAuth (impersonation) for a shared user base or OAuth otherwise, following the update path shown.',
    ['S18', 'S24', 'CODE-StatusValidation']),
  rule('R07', 'LEGACY_UPDATE', 'high', 'Basic HTTP is deprecated and stores a credential',
    'Applinks 5.2 and later no longer support Basic HTTP. The link configuration stores a username and password, every request runs as that account, and gadgets and the Jira Issues macro break with Basic.',
    'Migrate to OAuth (3LO + 2LO). Treat any export of this link as secret-bearing and rotate the stored password after the migration.',
    ['S18', 'S16', 'S37', 'CODE-RemoteMigration']),
  rule('R08', 'AUTO_MIGRATED_IMPERSONATION', 'medium', 'Auto-migrated from Trusted Apps, but the user bases are not shared',
    'The automatic update always turns Trusted Applications into OAuth with impersonation, whatever the user bases.',
    'Change OAuth (impersonation) to OAuth on both ends.', ['CODE-RemoteMigration', 'S5']),
  rule('R09', 'AUTH_LEVEL_UNSUPPORTED', 'medium', '3-legged OAuth without 2-legged OAuth',
    'A link updated by hand from Trusted Applications gets 3LO only. The Applinks status check rejects 3LO without 2LO (DEPRECATED).',
    'Tick "Allow 2-legged OAuth" on both ends.', ['S7', 'CODE-StatusValidation']),
  rule('R10', 'AUTH_LEVEL_MISMATCH', 'high', 'The two ends do not mirror each other',
    'Local incoming must equal remote outgoing, and local outgoing must equal remote incoming, compared as {enabled, 2LO, 2LOi}. Otherwise the link shows CONFIG ERROR.',
    'Align both ends to the recommended level.', ['CODE-ApplinkOAuthStatus', 'S19']),
  rule('R11', 'IMPERSONATION_WITHOUT_SHARED_USERS', 'high', 'Impersonation without a shared user base',
    'With impersonation a request runs as the user with the same username on the other side. Without a shared user base that can be a different person.',
    'Change OAuth (impersonation) to OAuth on both ends.', ['S5', 'S7']),
  rule('R12', 'IMPERSONATION_NON_ATLASSIAN', 'high', 'Impersonation towards a non-Atlassian application is invalid',
    'OAuth with impersonation exists only between Atlassian applications with Application Links.',
    'Use OAuth without impersonation, or an OAuth 2.0 external-application link.', ['S5']),
  rule('R13', 'DEV_PANEL_NEEDS_2LO_3LO', 'medium', 'The Jira development panel needs a two-way link with 3LO and 2LO',
    'The full development panel (Bitbucket, FishEye/Crucible, Bamboo) needs both 2LO and 3LO in both directions.',
    'Keep or configure 3LO and 2LO in both directions; check the panel before moving to a target without them.', ['S48']),
  rule('R14', 'FEATURE_NEEDS_OAUTH', 'medium', 'Gadgets and the Jira Issues macro need OAuth, not Basic',
    'Gadgets look for an OAuth consumer key and fail with consumer_key_unknown; the Jira Issues macro also expects OAuth.',
    'Move the link to OAuth.', ['S16']),
  rule('R15', 'USERS_PROMPTED', 'low', 'Users are repeatedly asked to authenticate',
    'Without 2LO every request needs a user-granted 3LO token.',
    'Enable 2LO (outgoing on the prompting application, incoming on the target). If the user bases are shared, use OAuth (impersonation).',
    ['S47', 'S5']),
  rule('R16', 'NOT_HTTPS', 'medium', 'Authentication over plain HTTP',
    'Configuring OAuth or Trusted Applications transmits sensitive data, open to man-in-the-middle attacks without TLS. OAuth 2.0 links require HTTPS.',
    'Switch both base URLs to HTTPS before configuring authentication.', ['seed', 'S7', 'S31', 'S33']),
  rule('R17', 'TA_OPEN_IP_PATTERNS', 'critical', 'Open Trusted Applications IP patterns towards an application without Application Links',
    'Leaving IP patterns blank or wildcard is a documented vulnerability when the remote has no Application Links.',
    'Restrict IP patterns to the remote servers\' addresses, then migrate away from Trusted Applications.', ['S10']),
  rule('R18', 'TA_CLUSTER_IP_PATTERNS', 'medium', 'Trusted Applications behind a cluster or proxy',
    'IP patterns must list every Data Center node and proxy, otherwise requests fail with BAD_REMOTE_IP.',
    'Add every node and proxy address to IP patterns now; plan the migration to OAuth.', ['S12']),
  rule('R19', 'TA_CERTIFICATE_TOO_OLD', 'medium', 'Trusted Applications certificates expire in transit',
    'CertificateTooOldException comes from clock or timezone skew or latency; the default certificate timeout is 10 seconds.',
    'Synchronise clocks with NTP; raise the timeout only as a last resort.', ['S13']),
  rule('R20', 'OAUTH2_AVAILABLE', 'info', 'OAuth 2.0 product links are possible on both ends',
    'Both products are at or above the OAuth 2.0 thresholds and use HTTPS. Whether OAuth 2.0 product links offer an equivalent of 2LO or impersonation is undocumented (open question Q3).',
    'Plan the migration to "Atlassian product via OAuth 2.0" with least-privilege scopes; check server-side integrations first.',
    ['S27', 'seed']),
  rule('R21', 'OAUTH2_NOT_YET', 'info', 'OAuth 2.0 product links are not yet possible',
    'At least one end is below the OAuth 2.0 threshold, unconfirmed, or not on HTTPS.',
    'Keep OAuth 1.0a (R03/R04) and plan the upgrade.', ['S27']),
  rule('R22', 'REMOTE_VERSION_INCOMPATIBLE', 'high', 'Application Links versions are incompatible',
    'The status check flags a remote Applinks older than 4.0.13 as incompatible, and Applinks 4.1 or earlier cannot link to 5.0 or later.',
    'Upgrade the older application.', ['CODE-StatusValidation', 'S23']),
  rule('R23', 'SYSTEM_LINK', 'info', 'System link: read-only',
    'The product created this link itself; administrators cannot modify or delete it.',
    'Leave it out of migrations.', ['CODE-Compat', 'S50']),
  rule('R24', 'NETWORK_ERROR', 'high', 'Network or TLS error: fix it before any authentication change',
    'While the link cannot connect, no authentication change can be verified.',
    'Fix connectivity, DNS or the certificate trust store first; then re-assess.', ['S21', 'CODE-ApplinkErrorType']),
  rule('R25', 'OAUTH_SIGNATURE_INVALID', 'high', 'OAuth signature rejected',
    'oauth_problem=signature_invalid: the application URL differs from the remote base URL, or a proxy or server.xml scheme does not match.',
    'Correct the application URL, the base URL or the proxy scheme.', ['S22']),
  rule('R26', 'OAUTH_TIMESTAMP_REFUSED', 'high', 'OAuth timestamp refused',
    'oauth_problem=timestamp_refused: the servers\' clocks are not in sync.', 'Synchronise clocks with NTP.', ['S22']),
  rule('R27', 'NO_REMOTE_APPLINK', 'high', 'No reciprocal link on the remote',
    'The remote has no link back (this also causes consumer_key_unknown).',
    'Create the reciprocal link or reset OAuth; otherwise delete and recreate both ends (non-destructive for content).', ['S22', 'S38']),
  rule('R28', 'STATUS_UNKNOWN', 'info', 'Status unknown until you authenticate',
    'The status cannot be read until the administrator completes the OAuth dance or has remote admin rights. This is not a broken link.',
    'Authenticate to the remote (or ask its administrator) and read the status again.', ['S21', 'CODE-ApplinkErrorType']),
  rule('R29', 'CVE_2019_15011', 'high', 'Application Links affected by CVE-2019-15011',
    'ListEntityLinksServlet exposed link information to non-administrators in Applinks < 5.0.12, 5.1.0–5.2.10, 5.3.0–5.3.6, 5.4.0–5.4.12 and 6.0.0–6.0.4.',
    'Upgrade the product to a version with a fixed Application Links.', ['S55']),
  rule('R30', 'OAUTH2_BROAD_SCOPES', 'medium', 'OAuth 2.0 incoming link with broad scopes',
    'ADMIN and SYSTEM_ADMIN scopes grant administration; Jira READ_ALL ignores permissions altogether.',
    'Reduce the scopes to the least the integration needs.', ['S32']),
];

/** Domain §6.3: the status service's order of checks. The first of these that fires is the primary finding. */
export const STATUS_CHECK_ORDER: readonly string[] = ['R23', 'R12', 'R22', 'R24', 'R27', 'R28', 'R09', 'R10', 'R06', 'R07', 'R25', 'R26'];

export const RULES_BY_ID: Readonly<Record<string, Rule>> = Object.fromEntries(RULES.map((r) => [r.id, r]));
