/** Where a fact comes from (domain §16). Shown as text; the app never opens these addresses. */
export interface Source {
  id: string;
  title: string;
  url?: string;
  kind: 'doc' | 'code' | 'third-party';
}

const doc = (id: string, title: string, url?: string): Source => ({ id, title, kind: 'doc', ...(url ? { url } : {}) });
const code = (id: string, className: string): Source => ({ id, title: `Application Links plugin source, class ${className}`, kind: 'code' });

export const SOURCES: Readonly<Record<string, Source>> = Object.fromEntries(
  ([
    doc('seed', "Confluence 5.0 'Configuring authentication for an application link' (seed page, with its OAuth 2.0 addition)", 'https://ja.confluence.atlassian.com/plugins/viewsource/viewpagesrc.action?pageId=297674696'),
    doc('S5', 'OAuth vs OAuth with impersonation (Applinks 7.0)', 'https://confluence.atlassian.com/applinks070/_aboutimpersonatingauthtypes-976760303.html'),
    doc('S6', 'Applinks 5.0/5.1: non-impersonating uses a pre-configured user; one-way link when admin on one side only', 'https://confluence.atlassian.com/display/APPLINKS051/Link+Atlassian+applications+to+work+together'),
    doc('S7', 'OAuth security notes (Applinks 7.0)', 'https://confluence.atlassian.com/applinks070/_securityoauth-976760355.html'),
    doc('S10', 'Trusted Applications incoming configuration', 'https://confluence.atlassian.com/display/APPLINKS/_configureTrustedAppsIncoming'),
    doc('S11', 'Configuring Trusted Applications for an application link (outgoing: the remote trusts the local app)', 'https://confluence.atlassian.com/plugins/viewsource/viewpagesrc.action?pageId=241566338'),
    doc('S12', 'Trusted Applications authentication troubleshooting guide', 'https://confluence.atlassian.com/kb/trusted-applications-authentication-troubleshooting-guide-719095231.html'),
    doc('S13', 'CertificateTooOldException KB', 'https://confluence.atlassian.com/kb/certificatetoooldexception-certificate-too-old-720638127.html'),
    doc('S15', 'Configuring Basic HTTP authentication (relies on a secure connection)', 'https://confluence.atlassian.com/x/IV5NLg'),
    doc('S16', 'Basic Authentication troubleshooting guide', 'https://confluence.atlassian.com/kb/basic-authentication-troubleshooting-guide-719095277.html'),
    doc('S17', 'Outgoing and incoming authentication definitions', 'https://confluence.atlassian.com/applinks054/_definition_outgoing_authentication-1005325905.html'),
    doc('S18', 'Update application links to use OAuth', 'https://confluence.atlassian.com/applinks054/update-application-links-to-use-oauth-1005325854.html'),
    doc('S19', 'Add OAuth (new UI)', 'https://confluence.atlassian.com/applinks/_add-oauth-new-ui-831660077.html'),
    doc('S20', 'Link Atlassian applications to work together (Applinks 6.1: as of 5.2 only OAuth)', 'https://confluence.atlassian.com/applinks061/link-atlassian-applications-to-work-together-867188769.html'),
    doc('S21', 'Application links diagnostics (status lozenges)', 'https://confluence.atlassian.com/display/APPLINKS061/Application+links+diagnostics'),
    doc('S22', 'OAuth troubleshooting guide', 'https://confluence.atlassian.com/kb/oauth-troubleshooting-guide-719095274.html'),
    doc('S23', 'Application Links version matrix', 'https://confluence.atlassian.com/display/APPLINKS/Application+Links+Version+Matrix'),
    doc('S24', 'Crowd 2.11.0 upgrade notes (Trusted Applications dropped)', 'https://confluence.atlassian.com/crowd/crowd-2-11-0-upgrade-notes-860034182.html'),
    { id: 'S26', kind: 'third-party' as const, title: 'Adaptavist ScriptRunner breaking changes (Jira 11 removed TrustedRequestFactory)', url: 'https://docs.adaptavist.com/sr4js/latest/release-notes/breaking-changes/' },
    doc('S27', 'Link to Atlassian products using OAuth 2.0 (Data Center)', 'https://confluence.atlassian.com/enterprise/link-to-atlassian-products-using-oauth-2-0-1688928427.html'),
    doc('S29', 'Jira Cloud: link to Atlassian apps using OAuth 2.0 (client ID and secret entered on the other side)', 'https://support.atlassian.com/jira-cloud-administration/docs/app-link-oauth-2-0-agc'),
    doc('S30', 'Configure an incoming link (Jira)', 'https://confluence.atlassian.com/adminjiraserver/configure-an-incoming-link-1115659067.html'),
    doc('S31', 'Configure an outgoing link (Bitbucket 9.0)', 'https://confluence.atlassian.com/bitbucketserver090/configure-an-outgoing-link-1431769775.html'),
    doc('S32', 'OAuth 2.0 scopes for incoming links (Jira 10.3)', 'https://confluence.atlassian.com/adminjiraserver103/oauth-2-0-scopes-for-incoming-links-1489807049.html'),
    doc('S33', 'Jira OAuth 2.0 provider API (flows, HTTPS, CSRF)', 'https://confluence.atlassian.com/adminjiraserver0911/jira-oauth-2-0-provider-api-1318889918.html'),
    doc('S35', 'Bitbucket: link to other applications (OAuth 1.0 vs 2.0, statuses)', 'https://confluence.atlassian.com/bitbucketserver0819/link-to-other-applications-1416826929.html'),
    doc('S36', 'KB: fetch application link status through the REST API', 'https://support.atlassian.com/jira/kb/how-to-fetch-application-link-status-through-rest-api/'),
    doc('S37', 'KB: generate an Application Links configuration summary', 'https://support.atlassian.com/atlassian-knowledge-base/kb/how-to-generate-an-application-links-configuration-summary/'),
    doc('S38', 'KB: adjust an existing application link to use OAuth (recreate, non-destructive)', 'https://support.atlassian.com/atlassian-knowledge-base/kb/how-to-adjust-an-existing-application-link-to-use-oauth/'),
    doc('S47', 'Application Links FAQ (Applinks 4.0)', 'https://confluence.atlassian.com/spaces/APPLINKS040/pages/776822309/Application+Links+FAQ'),
    doc('S48', 'Applinks 4.x authentication overview (development panel needs 2LO and 3LO)', 'https://confluence.atlassian.com/plugins/viewsource/viewpagesrc.action?pageId=779299912'),
    doc('S49', 'Upgrading a legacy-mode (non-UAL) link', 'https://confluence.atlassian.com/plugins/viewsource/viewpagesrc.action?pageId=233149565'),
    doc('S50', 'Cloud application-link statuses', 'https://support.atlassian.com/jira-cloud-administration/docs/view-and-edit-app-links-in-AGC'),
    doc('S53', 'Jira REST OAuth 1.0a example (Generic application, consumer key, public key)', 'https://developer.atlassian.com/server/jira/platform/jira-rest-api-example-oauth-authentication-6291692'),
    doc('S54', 'Preparing for Jira Software 10.0 and JSM 10.0 (version alignment)', 'https://developer.atlassian.com/server/jira/platform/preparing-for-jsw-10-jsm-6/'),
    doc('S55', 'CVE-2019-15011 record', 'https://raw.githubusercontent.com/CVEProject/cvelistV5/main/cves/2019/15xxx/CVE-2019-15011.json'),
    doc('S57', 'Jira: link to other applications (primary links)', 'https://confluence.atlassian.com/display/ADMINJIRASERVER102/Link+to+other+applications'),
    doc('S58', 'Jira 4.1 Configuring Trusted Applications (identical usernames; SSL; risk)', 'https://confluence.atlassian.com/display/JIRA041/Configuring+Trusted+Applications'),
    doc('S61', 'Applinks all versions (bundling history)', 'https://confluence.atlassian.com/x/8ACnDg'),
    { id: 'S65', kind: 'third-party' as const, title: 'Fortes KB: an OAuth 1.0a link cannot be converted to OAuth 2.0', url: 'https://knowledgebase.fortes-online.com/knowledge-base/jira-connectivity-supports-oauth-2-0/' },
    code('CODE-ApplinkErrorType', 'ApplinkErrorType'),
    code('CODE-StatusValidation', 'DefaultApplinkStatusValidationService'),
    code('CODE-StatusService', 'DefaultApplinkStatusService'),
    code('CODE-Compat', 'DefaultApplinkCompatibilityVerifier'),
    code('CODE-ApplinkOAuthStatus', 'ApplinkOAuthStatus'),
    code('CODE-OAuthConfig', 'OAuthConfig'),
    code('CODE-RemoteMigration', 'RemoteMigrationHelper'),
    code('CODE-ApplinkStatusResource', 'ApplinkStatusResource'),
    code('CODE-RestConsumer', 'RestConsumer'),
    code('CODE-ApplinkV3Resource', 'ApplicationLinkV3Resource'),
    code('CODE-ApplinkResourceV1', 'ApplicationLinkResource'),
  ] satisfies Source[]).map((source) => [source.id, source]),
);
