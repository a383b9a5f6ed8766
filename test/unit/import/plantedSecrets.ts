// An estate of real export files with every kind of secret planted where the importer keeps text:
// names (then also ids and file names), URLs, notes, CSV cells, a user field and a JSON key.

const pat = Buffer.from('268447662123:r4nd0m-Bytes-Here!x').toString('base64');

/** Each planted secret by what it is; the values are what must never be found anywhere afterwards. */
export const PLANTED = {
  manifestUrlPassword: 'ManifestPw9q',
  urlUserPassword: 'UrlUserPw-7731',
  rpcAccessToken: 'RpcAccessTok55',
  apiTokenInName: 'ATATT3xFfGF0NameToken0123456789abcdefXYZ',
  userFieldPassword: 'UserFieldPw88',
  apiTokenAsKey: 'ATATT3xFfGF0KeyToken0123456789abcdefQRS',
  jwtInCsvName: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjc3YtbmFtZSJ9.c2lnbmF0dXJlLWNzdi1uYW1lLTQ0',
  csvUrlPassword: 'CsvUrlPw-31',
  csvQueryToken: 'CsvQueryTok77',
  bearerInNote: 'BearerCsvNote991abc',
  passwordInNote: 'CsvNotePw#42',
  pemInNote: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
  patInNote: pat,
  randomKeyInName: 'Q7mZ2kP9xR4vB8nL1cW6tY3hJ5fD0gS2aE7uK9oI',
  barePemInNote: 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  pwdInNote: 'InvNotePw55',
  inventoryUrlPassword: 'InvUrlPw-66',
  fragmentToken: 'FragTok-321xyz',
  basicInNote: Buffer.from('svc-wiki:BasicPw-2b').toString('base64'),
} as const;

const S = PLANTED;
const BITBUCKET = '5e6f7a8b-9c0d-3e1f-a2b3-c4d5e6f7a8b9';

/** File name → content. */
export const PLANTED_FILES: Record<string, string> = {
  'jira.manifest.json': JSON.stringify({
    id: '8a2b0c6e-1f3d-3a4b-9c5d-6e7f8a9b0c1d', name: 'Corporate Jira', typeId: 'jira', version: '9.12.4', applinksVersion: '9.1.2',
    url: `https://jira.corp.example/?os_authType=basic&os_password=${S.manifestUrlPassword}`,
  }),
  'jira.listApplicationlinks.json': JSON.stringify({
    list: [{
      application: {
        id: BITBUCKET, typeId: 'stash', name: `Bitbucket ${S.apiTokenInName}`,
        displayUrl: `https://admin:${S.urlUserPassword}@bitbucket.corp.example`, rpcUrl: `https://bitbucket.internal:7990/?access_token=${S.rpcAccessToken}&page=1`,
        properties: { [S.apiTokenAsKey]: 'kept?' },
      },
      configuredOutboundAuthenticators: ['com.atlassian.applinks.api.auth.types.OAuthAuthenticationProvider'],
      configuredInboundAuthenticators: ['com.atlassian.applinks.api.auth.types.OAuthAuthenticationProvider'],
      isSystem: false,
    }],
  }),
  [`jira.authentication.${BITBUCKET}.json`]: JSON.stringify({
    consumers: [{ key: 'stash:1234567', name: 'Bitbucket', twoLOAllowed: true, executingTwoLOUser: `svc-link:${S.userFieldPassword}`, twoLOImpersonationAllowed: false, outgoing: false }],
    configuredAuthProviders: [{ provider: 'com.atlassian.applinks.api.auth.types.OAuthAuthenticationProvider', config: {} }],
  }),
  'links.csv': [
    'id,name,local_product,remote_product,local_url,remote_url,local_outgoing,notes',
    `bamboo-bitbucket,"Bamboo ${S.jwtInCsvName}",bamboo,bitbucket,https://ci:${S.csvUrlPassword}@bamboo.corp.example,https://bitbucket.corp.example/?token=${S.csvQueryToken},basic,` +
      `"Authorization: Bearer ${S.bearerInNote}\npassword=${S.passwordInNote}\n-----BEGIN PRIVATE KEY-----\n${S.pemInNote}\n-----END PRIVATE KEY-----\nPAT ${S.patInNote} and Basic ${S.basicInNote}"`,
  ].join('\n'),
  'crowd.inventory.json': JSON.stringify({
    format: 'applink-advisor.inventory', version: 1,
    links: [{
      id: 'jira-crowd', name: `Crowd ${S.randomKeyInName}`,
      local: { product: 'jira', baseUrl: 'https://jira.corp.example' },
      remote: { product: 'crowd', baseUrl: `https://svc:${S.inventoryUrlPassword}@crowd.corp.example/crowd#access_token=${S.fragmentToken}` },
      config: { local: { outgoing: ['basic'], incoming: [] } },
      notes: `Key body:\n${S.barePemInNote}\n${S.barePemInNote.split('').reverse().join('')}\npwd: ${S.pwdInNote}`,
    }],
  }),
};
