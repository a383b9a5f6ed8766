import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../shared/import/buildImport.ts';
import { readCsvLinks } from '../../../shared/import/csvLinks.ts';
import { scrubText } from '../../../shared/import/scrubText.ts';
import { isSecretName } from '../../../shared/import/secretNames.ts';
import { scrubUrl } from '../../../shared/import/scrubUrl.ts';
import { scrubSecrets } from '../../../shared/import/secrets.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const PEM_BODY = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK';

describe('URLs keep no credentials', () => {
  it.each([
    ['https://admin:s3cret@jira.example.com/jira', 'https://jira.example.com/jira', 'a user name and password in a URL'],
    ['https://admin@jira.example.com', 'https://jira.example.com', 'a user name in a URL'],
    ['https://admin:pa#ss?w@rd@jira.example.com/x', 'https://jira.example.com/x', 'a user name and password in a URL'],
    ['https://jira.example.com/?os_authType=basic&os_username=bob&os_password=s3cret', 'https://jira.example.com/?os_authType=basic&os_username=bob', 'the query parameter "os_password"'],
    ['https://x.example/a?access_token=abc&page=2', 'https://x.example/a?page=2', 'the query parameter "access_token"'],
    ['https://x.example/a?token=abc', 'https://x.example/a', 'the query parameter "token"'],
    ['https://x.example/a?pwd=abc&password=def', 'https://x.example/a', 'the query parameter "pwd"'],
    ['https://x.example/a?secret=abc&api_key=k&apiKey=k2', 'https://x.example/a', 'the query parameter "secret"'],
    ['https://x.example/a?jwt=abc&sig=def&X-Amz-Signature=f00&X-Amz-Credential=c', 'https://x.example/a', 'the query parameter "jwt"'],
    ['https://x.example/cb?code=abc123&state=xyz', 'https://x.example/cb?state=xyz', 'the query parameter "code"'],
    [`https://x.example/a?state=${JWT}`, 'https://x.example/a', 'the value of the query parameter "state" (a secret)'],
    ['https://x.example/a;jsessionid=0A1B2C3D;v=1', 'https://x.example/a;v=1', 'the path parameter "jsessionid"'],
    ['https://x.example/a?password=pa#ss&x=1', 'https://x.example/a', 'the query parameter "password"'],
    ['https://x.example/a;jsessionid=ab?cd&x=1', 'https://x.example/a?x=1', 'the path parameter "jsessionid"'],
    ['https://x.example/#access_token=abc&token_type=bearer', 'https://x.example/', 'the fragment parameter "access_token"'],
  ])('%s → %s', (url, kept, said) => {
    const result = scrubUrl(url);
    expect(result.url).toBe(kept);
    expect(result.removed).toContain(said);
  });

  it('tells secret names from names that merely look alike', () => {
    const secret = ['password', 'os_password', 'pwd', 'sharedSecret', 'oauth.accessToken', 'api_key', 'apiKey', 'privateKey', 'X-Auth-Token', 'Authorization', 'jsessionid', 'client_secret', 'refresh_token'];
    const ordinary = ['os_authType', 'signatureMethod', 'privateNote', 'consumerKey', 'clientKey', 'key', 'name', 'executingTwoLOUser', 'authenticationProvider', 'compass', 'bypass'];
    expect(secret.filter((n) => !isSecretName(n))).toEqual([]);
    expect(ordinary.filter((n) => isSecretName(n))).toEqual([]);
  });

  it('leaves a URL with nothing secret exactly as it was', () => {
    for (const url of ['https://jira.corp.example:8443/jira', 'http://wiki.internal:8090/?os_authType=basic&page=2#top', 'https://x.example/a;v=1']) expect(scrubUrl(url)).toEqual({ url, removed: [] });
  });

  it('cleans URLs inside free text too', () => {
    expect(scrubText('ask https://bob:pw1@jira.example.com/x?token=t then').text).toBe('ask https://jira.example.com/x then');
  });
});

describe('free text loses every secret to a marker', () => {
  it.each([
    ['a PEM private key', `key:\n-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----\nend`, 'key:\n[removed: private key]\nend'],
    ['a PEM block cut short', `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\nand then words.`, '[removed: private key]\nand then words.'],
    ['a bare PEM body', `body ${PEM_BODY} end`, 'body [removed: key or token] end'],
    ['a Bearer header', 'Authorization: Bearer abcdef0123456789abcdef', 'Authorization: [removed: bearer token]'],
    ['a bare Bearer credential', 'use Bearer AbC123xYz0', 'use [removed: bearer token]'],
    ['a Basic header', `Basic ${b64('svc:Hunter2!')}`, '[removed: Basic credentials]'],
    ['a JWT ending a sentence', `it was ${JWT}.`, 'it was [removed: JSON web token].'],
    ['a JWT in prose', `see ${JWT} here`, 'see [removed: JSON web token] here'],
    ['an Atlassian API token', 'Jira ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz0123', 'Jira [removed: Atlassian token]'],
    ['a Bitbucket access token', 'BBDC-NjM2OTk1ODM5NzE2Omh5SxkHBhY0ZCqQ', '[removed: Atlassian token]'],
    ['a Data Center personal access token', `PAT ${b64('268447662123:\u00f4\u000a\u008f\u006bN\u0010\u00e5\u009a\u001f8\u00b4\u0009f\u00f1~\u0002LÅ')}`, 'PAT [removed: personal access token]'],
    ['a password= pair', 'db password=Hunter2! next', 'db password=[removed: password] next'],
    ['a pwd: pair', 'pwd: hunter2', 'pwd: [removed: password]'],
    ['a quoted JSON-style pair', '{"api_key": "abc def"}', '{"api_key": "[removed: secret]"}'],
    ['a token = pair', 'token = t0k3n', 'token = [removed: token]'],
    ['a user:password pair', 'login svc-link:Hunter2! on prod', 'login svc-link:[removed: password] on prod'],
  ])('%s', (_kind, text, expected) => {
    expect(scrubText(text).text).toBe(expected);
  });

  it.each([
    'com.atlassian.applinks.api.auth.types.OAuthAuthenticationProvider',
    'com.example.sso.OAuth2ClientAuthenticationProvider1',
    '3c4d5e6f-7a8b-3c9d-8e0f-1a2b3c4d5e6f',
    'Basic authentication is used; Bearer tokens are planned',
    'confluence:7766554433 at 10:30 on jira.internal:8080, C:\\Users\\admin',
    'Corporate Jira ↔ Corporate Wiki, version 9.12.4',
    'https://jira.corp.example/plugins/servlet/applinks/listApplicationLinks',
    'Password policy: strict; token expiry 30 days',
    'Owner: platform team (see the wiki)',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(scrubText(text)).toEqual({ text, removed: [] });
  });
});

describe('JSON exports', () => {
  it('replaces a secret inside a value, drops a value that is only a secret, and never echoes a token used as a key', () => {
    const token = 'ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz0123';
    const { value, removed } = scrubSecrets({
      name: `Wiki ${token}`, displayUrl: 'https://a:b@wiki.example', note: `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\n-----END PRIVATE KEY-----`,
      executingTwoLOUser: 'svc-wiki:correcthorse', accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
      properties: { [token]: { password: 'x' } },
    });
    expect(value).toEqual({
      name: 'Wiki [removed: Atlassian token]', displayUrl: 'https://wiki.example', executingTwoLOUser: 'svc-wiki:[removed: password]',
      accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', properties: {},
    });
    expect(removed).toEqual([
      { path: 'name', why: 'an Atlassian API or access token' },
      { path: 'displayUrl', why: 'a user name and password in a URL' },
      { path: 'note', why: 'a private key' },
      { path: 'executingTwoLOUser', why: 'a password paired with a user name' },
      { path: 'properties.[removed: Atlassian token]', why: 'an Atlassian API or access token used as a field name' },
    ]);
    expect(JSON.stringify(removed)).not.toContain(token);
  });

  it('makes ids and names from the scrubbed text', () => {
    const token = 'ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz0123';
    const result = buildImport([
      { name: 'jira.manifest.json', group: 'jira', text: JSON.stringify({ typeId: 'jira', name: `Jira ${token}`, url: 'https://u:p4ss@jira.example' }) },
      { name: 'jira.applinks.json', group: 'jira', text: JSON.stringify([{ id: 'a1', name: `Wiki ${JWT}`, type: 'confluence', displayUrl: 'https://wiki.example?token=t' }]) },
    ]);
    expect(result.problems).toEqual([]);
    const { link } = result.links[0]!;
    expect(link).toMatchObject({ id: 'jira-removed-atlassian-token-wiki-removed-json-web-token', name: 'Jira [removed: Atlassian token] ↔ Wiki [removed: JSON web token]' });
    expect(link.local.baseUrl).toBe('https://jira.example');
    expect(link.remote.baseUrl).toBe('https://wiki.example');
  });
});

describe('CSV spreadsheets', () => {
  it('scrubs every cell, URL columns and the header included, and says which line and column', () => {
    const csv = [
      'id,name,local_product,remote_product,local_url,remote_url,notes',
      `a,Jira ${JWT},jira,confluence,https://u:pw9@jira.example,https://wiki.example/?access_token=x,"pwd: hunter2"`,
    ].join('\n');
    const { links, removed, problems } = readCsvLinks(csv, 'links.csv');
    expect(problems).toEqual([]);
    expect(links[0]).toMatchObject({ name: 'Jira [removed: JSON web token]', local: { baseUrl: 'https://jira.example' }, remote: { baseUrl: 'https://wiki.example/' }, notes: 'pwd: [removed: password]' });
    expect(removed.map((r) => r.path)).toEqual(['line 2, column name', 'line 2, column local_url', 'line 2, column remote_url', 'line 2, column notes']);
  });

  it('keeps the marker in a cell that was nothing but a secret, so the row still imports', () => {
    const { links, problems } = readCsvLinks(`id,name,local_product,remote_product,local_url\nb,${JWT},jira,confluence,https://jira.example`, 'links.csv');
    expect(problems).toEqual([]);
    expect(links[0]!.name).toBe('[removed: JSON web token]');
  });

  it('does not echo a secret from a cell that breaks the CSV syntax', () => {
    const { problems } = readCsvLinks('id,name\na,password=Hunter2!"x"', 'links.csv');
    expect(problems).toEqual([{ file: 'links.csv', path: 'line 2', message: expect.stringMatching(/^not valid CSV: a quote is found on field 1 at line 2, value is "password=\[removed: password\]/) }]);
  });
});

// Secrets of each kind, generated; the text around them is arbitrary.
const base64url = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`));
const password = fc.stringMatching(/^[A-Za-z0-9!#$%*+@^~-]{8,24}$/);
const secrets = fc.oneof(
  base64url(20, 60).map((t) => ({ secret: `ATATT${t}`, text: `ATATT${t}` })),
  fc.tuple(base64url(12, 40), base64url(2, 40), base64url(0, 60)).map(([h, p, s]) => ({ secret: `eyJ${h}.${p}.${s}`, text: `eyJ${h}.${p}.${s}` })),
  fc.tuple(fc.bigInt({ min: 100000n, max: 10n ** 12n }), fc.uint8Array({ minLength: 20, maxLength: 32 })).map(([id, bytes]) => {
    const pat = Buffer.concat([Buffer.from(`${id}:`), Buffer.from(bytes)]).toString('base64');
    return { secret: pat, text: pat };
  }),
  fc.tuple(fc.constantFrom('password', 'pwd', 'os_password', 'api_key', 'secret', 'token', 'clientSecret', 'X-Auth-Token'), fc.constantFrom('=', ': ', ' = ', ':'), password)
    .map(([name, sep, value]) => ({ secret: value, text: `${name}${sep}${value}` })),
  fc.tuple(fc.constantFrom('svc-link', 'admin', 'jira.user'), password.filter((p) => /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p)))
    .map(([user, value]) => ({ secret: value, text: `${user}:${value}` })),
  fc.tuple(fc.constantFrom('https', 'http'), fc.constantFrom('admin', 'svc'), password, fc.constantFrom('access_token', 'token', 'password', 'sig', 'os_password'), password)
    .map(([scheme, user, pw, param, value]) => ({ secret: `${pw}|${value}`, text: `${scheme}://${user}:${pw}@jira.example/x?page=1&${param}=${value}` })),
  password.map((value) => ({ secret: value, text: `Authorization: Bearer ${value}x9Y8z7W6v5U4` })),
  fc.uint8Array({ minLength: 600, maxLength: 1200 }).map((bytes) => {
    const body = Buffer.from(bytes).toString('base64').replace(/(.{64})/g, '$1\n');
    return { secret: body.slice(0, 64), text: `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----` };
  }),
);
const around = fc.string({ maxLength: 40 });
const separator = fc.constantFrom(' ', '\n', ', ', '; ', ' (', '\t', ' "');

describe('property: scrubbed text never holds the planted secret', () => {
  it('whatever text surrounds it', () => {
    fc.assert(
      fc.property(around, separator, secrets, separator, around, (before, sep1, { secret, text }, sep2, after) => {
        const scrubbed = scrubText(`${before}${sep1}${text}${sep2}${after}`).text;
        for (const part of secret.split('|')) if (!`${before}${after}`.includes(part)) expect(scrubbed).not.toContain(part);
      }),
      { numRuns: 3000 },
    );
  });

  it('in any JSON value or key, and through the whole import', () => {
    fc.assert(
      fc.property(secrets, around, fc.boolean(), ({ secret, text }, note, asKey) => {
        const entry = asKey ? { [text]: note } : { name: `${note} ${text}` };
        const json = JSON.stringify({ typeId: 'jira', url: 'https://jira.example', name: 'Jira', extra: entry });
        const result = buildImport([{ name: 'jira.manifest.json', group: 'jira', text: json }]);
        const all = JSON.stringify(result);
        for (const part of secret.split('|')) if (!note.includes(part)) expect(all).not.toContain(part);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('time stamps are not user:password pairs', () => {
  it('keeps ISO date-times and clock times whole, in text and in JSON', () => {
    for (const text of ['2026-12-03T04:10:11.123Z', 'saved 2026-12-03T04:10:11+01:00.', '04:10:11.5Z', 'at 2026-01-01T00:00:00.000Z (UTC)']) {
      expect(scrubText(text), text).toEqual({ text, removed: [] });
    }
    expect(scrubSecrets({ createdAt: '2026-12-03T04:10:11.123Z' })).toEqual({ value: { createdAt: '2026-12-03T04:10:11.123Z' }, removed: [] });
    expect(scrubText('svc-wiki:BasicPw-2b').text).toBe('svc-wiki:[removed: password]');
  });
});
