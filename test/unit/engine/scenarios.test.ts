import { describe, expect, it } from 'vitest';
import { assessLink, type Verdict } from '../../../shared/engine/assessLink.ts';
import { makeLink, mirrored, OAUTH, OAUTH_IMP, TA } from '../../fixtures/links.ts';

const rules = (verdict: Verdict) => verdict.findings.map((f) => f.rule);
const finding = (verdict: Verdict, rule: string) => verdict.findings.find((f) => f.rule === rule);
const primary = (verdict: Verdict) => verdict.findings.find((f) => f.primary)?.rule;

// Scenarios T1–T12 of the domain file (§14).
describe('domain scenarios T1–T12', () => {
  it('T1: TA both ways, shared LDAP, sysadmin on remote → path 1 auto update to OAuth (impersonation), high', () => {
    const verdict = assessLink(makeLink({
      local: { product: 'confluence', version: '7.19.0', applinksVersion: '7.1.6' },
      remote: { product: 'jira', version: '8.20.10', applinksVersion: '7.1.6' },
      config: mirrored(TA), status: { errorType: 'LEGACY_UPDATE' },
    }));
    expect(verdict.recommended).toBe('OAUTH_IMPERSONATION');
    expect(verdict.path).toEqual(['START', 'Q_ADMIN', 'Q_TRUST', 'Q_ATL', 'Q_O2', 'Q_USERS', 'O_IMP']);
    expect(verdict.updatePath).toBe(1);
    expect(finding(verdict, 'R06')).toMatchObject({ code: 'LEGACY_UPDATE', severity: 'high', primary: true });
    expect(verdict.worstSeverity).toBe('high');
    expect(verdict.checklists).toEqual(['ta-to-oauth']);
    expect(verdict.settings?.local.incoming).toEqual(['oauth3lo', 'oauth2lo', 'oauth2loi']);
  });

  it('T2: impersonation without a shared user base is a high-risk misconfiguration; recommends plain OAuth', () => {
    const verdict = assessLink(makeLink({ config: mirrored(OAUTH_IMP), answers: { sharedUserBase: false } }));
    expect(verdict.recommended).toBe('OAUTH');
    expect(finding(verdict, 'R11')).toMatchObject({ severity: 'high', code: 'IMPERSONATION_WITHOUT_SHARED_USERS' });
    expect(verdict.updatePath).toBeNull();
  });

  it('T3: outgoing Basic to a partner FishEye without admin → one-way unauthenticated, deprecated + secret', () => {
    const verdict = assessLink(makeLink({
      local: { product: 'confluence', version: '8.5.4' },
      remote: { product: 'fecru', version: '4.8.14', applinksVersion: undefined, baseUrl: 'https://fisheye.partner.example' },
      config: { local: { outgoing: ['basic'], incoming: [] } },
      answers: { adminOnRemote: false, mutualTrust: null, sharedUserBase: null, sysadminOnRemote: false },
    }));
    expect(verdict.recommended).toBe('NONE');
    // Issue 15 point 12: the current chart asks (derived) whether this is an OAuth 2.0 client link before "no authentication".
    expect(verdict.path).toEqual(['START', 'Q_ADMIN', 'Q_EXT_O2', 'O_NONE']);
    expect(rules(verdict)).toEqual(expect.arrayContaining(['R01', 'R07']));
    expect(finding(verdict, 'R07')?.message).toMatch(/stores a username and password/);
    // Issue 15 point 13: the advice to remove Basic is R07's remedy now, not an addition to its message.
    expect(finding(verdict, 'R07')?.remedy).toMatch(/^Remove Basic and keep the one-way link unauthenticated/);
    expect(verdict.settings?.local).toEqual({ outgoing: [], incoming: [] });
    expect(verdict.updatePath).toBeNull();
  });

  it('T4: Jira incoming impersonation vs Confluence outgoing OAuth → AUTH_LEVEL_MISMATCH, primary', () => {
    const verdict = assessLink(makeLink({
      config: {
        local: { incoming: [...OAUTH_IMP], outgoing: [...OAUTH] },
        remote: { outgoing: [...OAUTH], incoming: [...OAUTH] },
      },
    }));
    expect(finding(verdict, 'R10')).toMatchObject({ code: 'AUTH_LEVEL_MISMATCH', primary: true, severity: 'high' });
    expect(finding(verdict, 'R10')?.message).toMatch(/local incoming \(OAUTH_IMP\) ≠ remote outgoing \(OAUTH\)/);
  });

  it('T5: 3LO only on both ends after a manual update → AUTH_LEVEL_UNSUPPORTED', () => {
    const verdict = assessLink(makeLink({ config: mirrored(['oauth3lo']) }));
    expect(finding(verdict, 'R09')).toMatchObject({ code: 'AUTH_LEVEL_UNSUPPORTED', primary: true });
    expect(finding(verdict, 'R09')?.remedy).toMatch(/Allow 2-legged OAuth/);
  });

  it('T6: Jira 11.2 ↔ Confluence 10.0 → OAuth 2.0 unconfirmed; keep OAuth 1.0a', () => {
    const verdict = assessLink(makeLink({
      local: { version: '11.2.0' }, remote: { version: '10.0.2' }, config: mirrored(OAUTH_IMP),
    }));
    expect(verdict.oauth2.status).toBe('unconfirmed');
    expect(verdict.oauth2.blockers).toEqual([expect.objectContaining({ end: 'remote', code: 'version-unconfirmed' })]);
    expect(verdict.recommended).toBe('OAUTH_IMPERSONATION');
    expect(rules(verdict)).toContain('R21');
    expect(verdict.checklists).not.toContain('oauth-to-oauth2');
  });

  it('T7: Bitbucket 10.1 ↔ Jira 10.3 with OAuth both ways and the dev panel → OK as is', () => {
    const verdict = assessLink(makeLink({
      local: { product: 'bitbucket', version: '10.1.0' }, remote: { product: 'jira', version: '10.3.5' },
      config: mirrored(OAUTH), features: ['devPanel'], answers: { sharedUserBase: false },
    }));
    expect(verdict.recommended).toBe('OAUTH');
    expect(verdict.oauth2.status).toBe('not-eligible');
    expect(rules(verdict)).not.toContain('R13');
    expect(verdict.findings.every((f) => f.severity === 'info')).toBe(true);
  });

  it('T8: in-house tool with an OAuth 1.0a consumer and 2LO as admin → external OAuth 2.0 incoming link, warns about 2LO', () => {
    const verdict = assessLink(makeLink({
      remote: { product: 'generic', version: undefined, applinksVersion: undefined, baseUrl: 'https://tool.example.com' },
      config: { local: { incoming: [...OAUTH], outgoing: [] } },
      observations: { twoLoExecutingUser: 'admin' },
    }));
    expect(verdict.recommended).toBe('EXTERNAL');
    expect(verdict.path.at(-1)).toBe('O_EXT');
    expect(finding(verdict, 'R05')?.message).toMatch(/runs every incoming request as "admin"/);
    expect(verdict.settings?.local.incoming).toEqual(['oauth2']);
  });

  it('T9: SSL_UNTRUSTED with TA → network error is primary and blocks the migration', () => {
    const verdict = assessLink(makeLink({ config: mirrored(TA), status: { errorType: 'SSL_UNTRUSTED' } }));
    expect(primary(verdict)).toBe('R24');
    expect(rules(verdict)).toContain('R06');
    expect(verdict.updatePath).toBe(1);
  });

  it('T10: TA towards Crowd 3.x is broken by design', () => {
    const verdict = assessLink(makeLink({
      remote: { product: 'crowd', version: '3.7.2' },
      config: { local: { outgoing: [...TA], incoming: [] } },
    }));
    expect(finding(verdict, 'R06')?.message).toMatch(/broken by design/);
  });

  it('T11: TA into a 3-node Jira behind a load balancer → fix IP patterns now, plan OAuth (impersonation)', () => {
    const verdict = assessLink(makeLink({
      local: { product: 'confluence', version: '8.5.4' }, remote: { product: 'jira', version: '9.12.4' },
      config: { local: { outgoing: [...TA], incoming: [] }, remote: { incoming: [...TA], outgoing: [] } },
      observations: { clusteredOrProxied: true },
    }));
    expect(rules(verdict)).toEqual(expect.arrayContaining(['R06', 'R18']));
    expect(verdict.recommended).toBe('OAUTH_IMPERSONATION');
  });

  it('T12: Applinks 5.0.10 on one side → CVE-2019-15011 advisory', () => {
    const verdict = assessLink(makeLink({ remote: { product: 'bamboo', version: '5.15.0', applinksVersion: '5.0.10' }, config: mirrored(OAUTH) }));
    expect(finding(verdict, 'R29')).toMatchObject({ severity: 'high' });
    expect(finding(verdict, 'R29')?.message).toMatch(/remote Applinks 5.0.10/);
  });
});
