import type { Severity } from '../model/vocabulary.ts';

export { SEVERITIES, type Severity } from '../model/vocabulary.ts';

/** Every rule's id: RULES holds one rule per id, RULE_PREDICATES one predicate per id (a missing one is a type error). */
export const RULE_IDS = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R19', 'R20', 'R21', 'R22', 'R23', 'R24', 'R25', 'R26', 'R27', 'R28', 'R29', 'R30', 'R31', 'R32', 'R33', 'R34', 'R35'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** What a variant of a rule changes: the words (and severity or code) for a case the rule's default text does not fit. */
export interface RuleVariant {
  code?: string;
  severity?: Severity;
  title?: string;
  explanation?: string;
  remedy?: string;
  sources?: string[];
}

/** A rule of domain §12 (R01–R30) or of ours (R31–R35). The predicate that decides whether it fires lives in `engine/rulePredicates.ts`. */
export interface Rule {
  id: RuleId;
  /**
   * Atlassian's error type where one exists; otherwise a stable code of ours. R06/R07 show the update
   * path's (or the status's) Atlassian code; theirs is for a link without one (one-way, external, before Applinks 5.2).
   */
  code: string;
  severity: Severity;
  title: string;
  explanation: string;
  remedy: string;
  sources: string[];
  /** Named variants a predicate can pick, so that no verdict carries advice that contradicts it. */
  variants?: Readonly<Record<string, RuleVariant>>;
  /** While this rule fires, no migration checklist can be worked: nothing could be verified. */
  blocksMigration?: boolean;
  /**
   * The part of the link the rule looks at besides the configuration: the engine skips the rule for a
   * link without it (most links have no status, observations or features recorded).
   */
  reads?: 'status' | 'observations' | 'features';
}

const rule = (id: RuleId, code: string, severity: Severity, title: string, explanation: string, remedy: string, sources: string[], extra: Pick<Rule, 'variants' | 'blocksMigration' | 'reads'> = {}): Rule =>
  ({ id, code, severity, title, explanation, remedy, sources, ...extra });

// Variants shared by the rules whose default remedy moves the link to OAuth: when the recommendation is a
// one-way link (no admin rights or no trust, R01/R02) the advice is to remove authentication instead.
const ONE_WAY_REMEDY = 'The recommendation is a one-way link without authentication (R01/R02): remove this authentication from both ends rather than repairing it.';

export const RULES: readonly Rule[] = [
  rule('R01', 'ONE_WAY_NO_ADMIN', 'info', 'One-way outgoing link: no admin rights on the remote',
    'Without administrator rights on the remote application only a one-way outgoing link can be made. It reaches anonymous data (hyperlinks, public APIs) only. Basic HTTP was the legacy choice but is unsupported from Applinks 5.2.',
    'Configure no authentication for outgoing and incoming. Ask the remote administrator if you need authenticated access.',
    ['seed', 'S20', 'S47']),
  rule('R02', 'ONE_WAY_NO_TRUST', 'info', 'No mutual trust: do not configure OAuth, Trusted Apps or impersonation',
    'OAuth consumers and Trusted Applications can act as users of the other application. Without mutual trust the only safe link is an unauthenticated one.',
    'Configure no authentication for outgoing and incoming.', ['seed', 'S7'], {
      variants: {
        // Issue 15 point 1: the seed says not to link with OAuth without trust; an info finding hid that.
        configured: {
          code: 'AUTH_WITHOUT_TRUST', severity: 'high', title: 'OAuth or Trusted Apps is configured between applications that do not trust each other',
          explanation: 'The seed page: "Do not link to an application using OAuth authentication, unless you trust all code in the application to behave itself at all times", and "only use the 2LO with impersonation option ... if ... the servers fully trust each other". OAuth consumers and Trusted Applications can act as users of the other application.',
          remedy: 'Remove OAuth (above all 2LO with impersonation and 2LO) and Trusted Applications from both ends, or reduce the link to one-way outgoing without authentication.',
        },
      },
    }),
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
  rule('R06', 'TRUSTED_APPS_DEPRECATED', 'high', 'Trusted Applications is deprecated and must be migrated',
    'Applinks 5.2 and later no longer support Trusted Applications; the link shows DEPRECATED.',
    'Migrate to OAuth (impersonation) for a shared user base or OAuth otherwise, following the update path shown.',
    ['S18', 'S24', 'CODE-StatusValidation'], {
      variants: {
        oneWay: { remedy: 'Remove Trusted Applications from both ends and keep the link one-way without authentication (R01/R02); do not migrate it to OAuth.' },
        external: {
          remedy: 'Remove Trusted Applications: the remote has no Application Links (a Generic application or legacy mode), where Trusted Apps is unavailable and impersonation is invalid. Use an OAuth 1.0a consumer without impersonation or an OAuth 2.0 external-application link instead.',
          sources: ['S18', 'S49', 'S5'],
        },
        system: { remedy: 'A system link cannot be edited by administrators: the product that created it has to update it. Record it and leave it out of migrations.' },
        statusOnly: {
          title: 'The link status reports deprecated authentication the configuration does not show',
          explanation: 'Atlassian raised a legacy status code (LEGACY_UPDATE, LEGACY_REMOVAL or MANUAL_LEGACY_*), which it does only when Trusted Applications or Basic is still configured on this end. Incoming Trusted Apps lives in a link property that exports can miss, so the link is treated as deprecated.',
          sources: ['S18', 'CODE-StatusValidation'],
        },
      },
    }),
  rule('R07', 'BASIC_DEPRECATED', 'high', 'Basic HTTP is deprecated and stores a credential',
    'Applinks 5.2 and later no longer support Basic HTTP. The link configuration stores a username and password, every request runs as that account, and gadgets and the Jira Issues macro break with Basic.',
    'Migrate to OAuth (3LO + 2LO). Treat any export of this link as secret-bearing and rotate the stored password after the migration.',
    ['S18', 'S16', 'S37', 'CODE-RemoteMigration'], {
      variants: {
        oneWay: { remedy: 'Remove Basic and keep the one-way link unauthenticated (or arrange OAuth with the remote\'s administrator). Treat any export of this link as secret-bearing and rotate the account\'s password.' },
        external: { remedy: 'Remove Basic: use an OAuth 2.0 external-application link or an OAuth 1.0a consumer without impersonation instead. Treat any export of this link as secret-bearing and rotate the account\'s password.' },
        system: { remedy: 'A system link cannot be edited by administrators: the product that created it has to update it. Treat any export of it as secret-bearing.' },
      },
    }),
  rule('R08', 'AUTO_MIGRATED_IMPERSONATION', 'medium', 'Auto-migrated from Trusted Apps, but the user bases are not shared',
    'The automatic update always turns Trusted Applications into OAuth with impersonation, whatever the user bases.',
    'Change OAuth (impersonation) to OAuth on both ends.', ['CODE-RemoteMigration', 'S5'], { reads: 'observations' }),
  rule('R09', 'AUTH_LEVEL_UNSUPPORTED', 'medium', '3-legged OAuth without 2-legged OAuth',
    'A link updated by hand from Trusted Applications gets 3LO only. The Applinks status check rejects 3LO without 2LO (DEPRECATED).',
    'Tick "Allow 2-legged OAuth" on both ends.', ['S7', 'CODE-StatusValidation'], { variants: { oneWay: { remedy: ONE_WAY_REMEDY } } }),
  rule('R10', 'AUTH_LEVEL_MISMATCH', 'high', 'The two ends do not mirror each other',
    'Local incoming must equal remote outgoing, and local outgoing must equal remote incoming, compared as {enabled, 2LO, 2LOi}. Otherwise the link shows CONFIG ERROR.',
    'Make both ends\' OAuth mirror each other at the recommended level, and check with GET /rest/applinks/3.0/status/{id} on both ends that AUTH_LEVEL_MISMATCH is gone, before removing Trusted Apps or Basic.',
    ['CODE-ApplinkOAuthStatus', 'S19', 'CODE-StatusService'], { variants: { oneWay: { remedy: ONE_WAY_REMEDY } } }),
  rule('R11', 'IMPERSONATION_WITHOUT_SHARED_USERS', 'high', 'Impersonation without a shared user base',
    'With impersonation a request runs as the user with the same username on the other side. Without a shared user base that can be a different person.',
    'Change OAuth (impersonation) to OAuth on both ends.', ['S5', 'S7']),
  rule('R12', 'IMPERSONATION_NON_ATLASSIAN', 'high', 'Impersonation towards a non-Atlassian application is invalid',
    'OAuth with impersonation exists only between Atlassian applications with Application Links.',
    'Use OAuth without impersonation, or an OAuth 2.0 external-application link.', ['S5']),
  rule('R13', 'DEV_PANEL_NEEDS_2LO_3LO', 'medium', 'The Jira development panel needs a two-way link with 3LO and 2LO',
    'The full development panel (Bitbucket, FishEye/Crucible, Bamboo) needs both 2LO and 3LO in both directions.',
    'Keep or configure 3LO and 2LO in both directions; check the panel before moving to a target without them.', ['S48'], { reads: 'features' }),
  rule('R14', 'FEATURE_NEEDS_OAUTH', 'medium', 'Gadgets and the Jira Issues macro need OAuth, not Basic',
    'Gadgets look for an OAuth consumer key and fail with consumer_key_unknown; the Jira Issues macro also expects OAuth.',
    'Move the link to OAuth.', ['S16'], { variants: { oneWay: { remedy: 'These features cannot work over a one-way link without authentication; remove Basic anyway (R07) and arrange OAuth with the remote\'s administrator if the features are needed.' } }, reads: 'features' }),
  rule('R15', 'USERS_PROMPTED', 'low', 'Users are repeatedly asked to authenticate',
    'Without 2LO every request needs a user-granted 3LO token.',
    'Enable 2LO (outgoing on the prompting application, incoming on the target). If the user bases are shared, use OAuth (impersonation).',
    ['S47', 'S5'], {
      variants: {
        // Issue 15 point 2: widening an external consumer's access with 2LO is the opposite of the advice.
        external: { remedy: 'Users authorise an external application once per token (3LO); do not enable 2LO for it, which would let it act without a user. Check the tokens are not being revoked or expiring early.', sources: ['S5', 'S32'] },
        oneWay: { remedy: 'A one-way link without authentication reaches anonymous data only; users are prompted because something expects authenticated access. Arrange OAuth with the remote\'s administrator if it is needed.' },
      },
      reads: 'observations',
    }),
  rule('R16', 'NOT_HTTPS', 'medium', 'Authentication over plain HTTP',
    'Configuring OAuth or Trusted Applications transmits sensitive data, open to man-in-the-middle attacks without TLS. OAuth 2.0 links require HTTPS.',
    'Switch both base URLs to HTTPS before configuring authentication.', ['seed', 'S7', 'S31', 'S33'], {
      variants: {
        // Issue 15 point 5: Basic relies on the connection being secure, whatever the recommendation.
        basic: {
          severity: 'high', title: 'Basic HTTP over plain HTTP',
          explanation: 'Basic HTTP relies entirely on the connection being secure: over plain HTTP the stored username and password cross the network readable by anyone on the path.',
          remedy: 'Remove Basic (see R07), switch the base URLs to HTTPS, and rotate the account\'s password: it has been sent in clear.',
          sources: ['S15', 'S16'],
        },
      },
    }),
  rule('R17', 'TA_OPEN_IP_PATTERNS', 'critical', 'Open Trusted Applications IP patterns towards an application without Application Links',
    'Leaving IP patterns blank or wildcard is a documented vulnerability when the remote has no Application Links.',
    'Restrict IP patterns to the remote servers\' addresses, then migrate away from Trusted Applications.', ['S10'], { reads: 'observations' }),
  rule('R18', 'TA_CLUSTER_IP_PATTERNS', 'medium', 'Trusted Applications behind a cluster or proxy',
    'IP patterns must list every Data Center node and proxy, otherwise requests fail with BAD_REMOTE_IP.',
    'Add every node and proxy address to IP patterns now; plan the migration to OAuth.', ['S12'], { reads: 'observations' }),
  rule('R19', 'TA_CERTIFICATE_TOO_OLD', 'medium', 'Trusted Applications certificates expire in transit',
    'CertificateTooOldException comes from clock or timezone skew or latency; the default certificate timeout is 10 seconds.',
    'Synchronise clocks with NTP; raise the timeout only as a last resort.', ['S13'], { reads: 'observations' }),
  rule('R20', 'OAUTH2_AVAILABLE', 'info', 'OAuth 2.0 product links are possible on both ends',
    'Both products are at or above the OAuth 2.0 thresholds and use HTTPS. Whether OAuth 2.0 product links offer an equivalent of 2LO or impersonation is undocumented (open question Q3).',
    'Plan the migration to "Atlassian product via OAuth 2.0" with least-privilege scopes; check server-side integrations first.',
    ['S27', 'seed']),
  rule('R21', 'OAUTH2_NOT_YET', 'info', 'OAuth 2.0 product links are not yet possible',
    'At least one end is below the OAuth 2.0 threshold, unconfirmed, or not on HTTPS.',
    'Keep OAuth 1.0a (R03/R04) and plan the upgrade.', ['S27'], {
      variants: { unconfirmed: { title: 'OAuth 2.0 product links are not confirmed for this version', remedy: 'Keep OAuth 1.0a (R03/R04) until the version is confirmed, or upgrade to the version both sources agree on.' } },
    }),
  rule('R22', 'REMOTE_VERSION_INCOMPATIBLE', 'high', 'Application Links versions are incompatible',
    'The status check flags a remote Applinks older than 4.0.13 as incompatible, and Applinks 4.1 or earlier cannot link to 5.0 or later.',
    'Upgrade the older application.', ['CODE-StatusValidation', 'S23']),
  rule('R23', 'SYSTEM_LINK', 'info', 'System link: read-only',
    'The product created this link itself; administrators cannot modify or delete it.',
    'Leave it out of migrations: the product manages its configuration.', ['CODE-Compat', 'S50']),
  rule('R24', 'NETWORK_ERROR', 'high', 'Network or TLS error: fix it before any authentication change',
    'While the link cannot connect, no authentication change can be verified.',
    'Fix connectivity, DNS or the certificate trust store first; then re-assess.', ['S21', 'CODE-ApplinkErrorType'], {
      blocksMigration: true,
      variants: {
        UNKNOWN_HOST: { code: 'UNKNOWN_HOST', remedy: 'The remote host name does not resolve from this server: correct the application URL or the DNS, then read the status again.' },
        CONNECTION_REFUSED: { code: 'CONNECTION_REFUSED', remedy: 'Nothing answers at the application URL from this server: check the URL, the port, the remote service and any firewall, then read the status again.' },
        SSL_UNTRUSTED: { code: 'SSL_UNTRUSTED', remedy: 'This server does not trust the remote\'s certificate: import the remote\'s certificate chain into this server\'s Java trust store (or use a certificate from a trusted authority), restart, then read the status again.' },
        SSL_HOSTNAME_UNMATCHED: { code: 'SSL_HOSTNAME_UNMATCHED', remedy: 'The remote\'s certificate does not name the host in the application URL: use the host name the certificate names, or reissue the certificate, then read the status again.' },
        SSL_UNMATCHED: { code: 'SSL_UNMATCHED', remedy: 'TLS could not be negotiated (protocol or scheme mismatch, e.g. https to a plain-HTTP port): correct the application URL\'s scheme and port or the proxy\'s TLS settings, then read the status again.' },
      },
      reads: 'status',
    }),
  rule('R25', 'OAUTH_SIGNATURE_INVALID', 'high', 'OAuth signature rejected',
    'oauth_problem=signature_invalid: the application URL differs from the remote base URL, or a proxy or server.xml scheme does not match.',
    'Correct the application URL, the base URL or the proxy scheme.', ['S22'], { blocksMigration: true, reads: 'status' }),
  rule('R26', 'OAUTH_TIMESTAMP_REFUSED', 'high', 'OAuth timestamp refused',
    'oauth_problem=timestamp_refused: the servers\' clocks are not in sync.', 'Synchronise clocks with NTP.', ['S22'], { blocksMigration: true, reads: 'status' }),
  rule('R27', 'NO_REMOTE_APPLINK', 'high', 'No reciprocal link on the remote',
    'The remote has no link back (this also causes consumer_key_unknown).',
    'Create the reciprocal link or reset OAuth; otherwise delete and recreate both ends (non-destructive for content).', ['S22', 'S38'], { reads: 'status' }),
  rule('R28', 'STATUS_UNKNOWN', 'info', 'Status unknown until you authenticate',
    'The status cannot be read until the administrator completes the OAuth dance or has remote admin rights. This is not a broken link.',
    'Authenticate to the remote (or ask its administrator) and read the status again.', ['S21', 'CODE-ApplinkErrorType'], { reads: 'status' }),
  rule('R29', 'CVE_2019_15011', 'high', 'Application Links affected by CVE-2019-15011',
    'ListEntityLinksServlet exposed link information to non-administrators in Applinks < 5.0.12, 5.1.0–5.2.10, 5.3.0–5.3.6, 5.4.0–5.4.12 and 6.0.0–6.0.4.',
    'Upgrade the product to a version with a fixed Application Links.', ['S55']),
  rule('R30', 'OAUTH2_BROAD_SCOPES', 'medium', 'OAuth 2.0 incoming link with broad scopes',
    'ADMIN and SYSTEM_ADMIN scopes grant administration; Jira READ_ALL ignores permissions altogether.',
    'Reduce the scopes to the least the integration needs.', ['S32'], { reads: 'observations' }),

  // Ours (issue 15 point 4): the other status codes of domain §6.2, so that a broken link never looks healthy.
  rule('R31', 'OAUTH_PROBLEM', 'high', 'OAuth request rejected by the remote (oauth_problem)',
    'The remote answered with an oauth_problem, e.g. consumer_key_unknown (it has no OAuth consumer for this application: no reciprocal link, or the link was recreated on one side only) or token_rejected. A NETWORK ERROR-category status: the link does not work.',
    'consumer_key_unknown: create the reciprocal link on the remote, or reset OAuth on both ends (otherwise delete and recreate both ends, non-destructive for content). token_rejected: authenticate again. Then read the status again.',
    ['S22', 'S38', 'CODE-ApplinkErrorType'], { blocksMigration: true, reads: 'status' }),
  rule('R32', 'UNEXPECTED_RESPONSE', 'high', 'The remote answered with something other than Application Links',
    'UNEXPECTED_RESPONSE / UNEXPECTED_RESPONSE_STATUS: an odd HTTP answer, typically a proxy, a load balancer or a single sign-on login page in front of the remote. A NETWORK ERROR-category status: the link does not work.',
    'Make the application URL reach the remote application directly (or through a proxy that passes /rest/applinks and /plugins/servlet/oauth untouched), exempt those paths from single sign-on, then read the status again.',
    ['S21', 'CODE-ApplinkErrorType'], { blocksMigration: true, reads: 'status' }),
  rule('R33', 'DISABLED', 'medium', 'OAuth is switched off on both ends',
    'The status is DISABLED: OAuth is off at both ends and no other authentication is configured, so the link reaches anonymous data only.',
    'Configure the recommended authentication on both ends, or delete the link if nothing uses it.', ['CODE-ApplinkErrorType', 'S21'], {
      variants: { oneWay: { severity: 'info', title: 'No authentication configured, as recommended', remedy: 'Nothing to do: a one-way link without authentication is the recommendation (R01/R02).' } },
      reads: 'status',
    }),
  rule('R34', 'NO_OUTGOING_AUTH', 'medium', 'No outgoing authentication configured',
    'The status is NO_OUTGOING_AUTH (INCOMPATIBLE): this end sends its requests without authentication, so features that need the remote\'s data fail or show public data only.',
    'Configure outgoing authentication at the recommended level on this end and the matching incoming authentication on the remote.', ['CODE-ApplinkErrorType', 'S21'], {
      variants: { oneWay: { severity: 'info', title: 'No outgoing authentication, as recommended', remedy: 'Nothing to do: a one-way link without authentication is the recommendation (R01/R02).' } },
      reads: 'status',
    }),
  rule('R35', 'UNKNOWN', 'medium', 'The link status reports an unknown error',
    'The status service hit an unexpected error (UNKNOWN): whether the link works is not known.',
    'Read the application logs of both ends around the time of the status call, fix what they show, then read the status again.', ['CODE-ApplinkErrorType'], { reads: 'status' }),
];

/** Domain §6.3: the status service's order of checks. The first of these that fires is the primary finding. */
// Network-category errors (R24, R31, R32, R25, R26) come from fetching the remote's status, before the
// 3LO-only, mismatch and legacy checks; NO_OUTGOING_AUTH (R34) is a compatibility check; DISABLED (R33) comes after legacy.
export const STATUS_CHECK_ORDER: readonly string[] = ['R23', 'R12', 'R22', 'R34', 'R24', 'R32', 'R31', 'R25', 'R26', 'R27', 'R28', 'R09', 'R10', 'R06', 'R07', 'R33', 'R35'];
