import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { RULES } from '../../../shared/guidance/rules.ts';
import type { Link } from '../../../shared/model/link.ts';
import { makeLink, mirrored, OAUTH, OAUTH_IMP, TA } from '../../fixtures/links.ts';

const generic = { product: 'generic' as const, version: undefined, applinksVersion: undefined, baseUrl: 'https://tool.example.com' };
const eligible = { local: { version: '11.2.0' }, remote: { version: '10.1.0' } };

// For every rule: a link on which it fires, and a close neighbour on which it must not.
const cases: Record<string, { fires: Link; silent: Link }> = {
  R01: { fires: makeLink({ answers: { adminOnRemote: false } }), silent: makeLink({ answers: { adminOnRemote: true } }) },
  R02: { fires: makeLink({ answers: { mutualTrust: false } }), silent: makeLink({ answers: { mutualTrust: true } }) },
  R03: { fires: makeLink({ answers: { sharedUserBase: true } }), silent: makeLink({ answers: { sharedUserBase: false } }) },
  R04: { fires: makeLink({ answers: { sharedUserBase: false } }), silent: makeLink({ answers: { sharedUserBase: true } }) },
  R05: { fires: makeLink({ remote: generic }), silent: makeLink() },
  R06: { fires: makeLink({ config: mirrored(TA) }), silent: makeLink({ config: mirrored(OAUTH_IMP) }) },
  R07: { fires: makeLink({ config: { local: { outgoing: ['basic'], incoming: [] } } }), silent: makeLink({ config: { local: { outgoing: [...OAUTH], incoming: [] } } }) },
  R08: {
    fires: makeLink({ config: mirrored(OAUTH_IMP), answers: { sharedUserBase: false }, observations: { autoMigratedFromTrustedApps: true } }),
    silent: makeLink({ config: mirrored(OAUTH_IMP), answers: { sharedUserBase: true }, observations: { autoMigratedFromTrustedApps: true } }),
  },
  R09: { fires: makeLink({ config: mirrored(['oauth3lo']) }), silent: makeLink({ config: mirrored(OAUTH) }) },
  R10: {
    fires: makeLink({ config: { local: { outgoing: [...OAUTH], incoming: [...OAUTH] }, remote: { outgoing: [...OAUTH_IMP], incoming: [...OAUTH] } } }),
    silent: makeLink({ config: mirrored(OAUTH) }),
  },
  R11: { fires: makeLink({ config: mirrored(OAUTH_IMP), answers: { sharedUserBase: false } }), silent: makeLink({ config: mirrored(OAUTH), answers: { sharedUserBase: false } }) },
  R12: { fires: makeLink({ remote: generic, config: { local: { outgoing: [], incoming: [...OAUTH_IMP] } } }), silent: makeLink({ remote: generic, config: { local: { outgoing: [], incoming: [...OAUTH] } } }) },
  R13: { fires: makeLink({ features: ['devPanel'], config: mirrored(['oauth3lo']) }), silent: makeLink({ features: ['devPanel'], config: mirrored(OAUTH) }) },
  R14: { fires: makeLink({ features: ['gadgets'], config: mirrored(['basic']) }), silent: makeLink({ features: ['gadgets'], config: mirrored(OAUTH) }) },
  R15: { fires: makeLink({ observations: { usersRepeatedlyPrompted: true } }), silent: makeLink({ observations: { usersRepeatedlyPrompted: false } }) },
  R16: { fires: makeLink({ local: { baseUrl: 'http://jira.example.com' }, config: mirrored(OAUTH) }), silent: makeLink({ config: mirrored(OAUTH) }) },
  R17: {
    fires: makeLink({ remote: { ...generic }, config: { local: { outgoing: [], incoming: [...TA] } }, observations: { taIpPatterns: '*.*.*.*' } }),
    silent: makeLink({ remote: { ...generic }, config: { local: { outgoing: [], incoming: [...TA] } }, observations: { taIpPatterns: '10.0.0.5, 10.0.0.6' } }),
  },
  R18: { fires: makeLink({ config: mirrored(TA), observations: { clusteredOrProxied: true } }), silent: makeLink({ config: mirrored(OAUTH), observations: { clusteredOrProxied: true } }) },
  R19: { fires: makeLink({ config: mirrored(TA), observations: { certificateTooOld: true } }), silent: makeLink({ config: mirrored(TA), observations: { certificateTooOld: false } }) },
  R20: { fires: makeLink({ ...eligible, config: mirrored(OAUTH) }), silent: makeLink({ ...eligible, config: mirrored(['oauth2']) }) },
  R21: { fires: makeLink({ config: mirrored(OAUTH) }), silent: makeLink({ ...eligible, config: mirrored(OAUTH) }) },
  R22: { fires: makeLink({ remote: { applinksVersion: '4.0.12' } }), silent: makeLink({ remote: { applinksVersion: '4.0.13' }, local: { applinksVersion: '4.0.13' } }) },
  R23: { fires: makeLink({ system: true }), silent: makeLink({ system: false }) },
  R24: { fires: makeLink({ status: { errorType: 'UNKNOWN_HOST' } }), silent: makeLink({ status: { errorType: 'OAUTH_PROBLEM' } }) },
  R25: { fires: makeLink({ status: { errorType: 'OAUTH_SIGNATURE_INVALID' } }), silent: makeLink({ status: { working: true } }) },
  R26: { fires: makeLink({ status: { errorType: 'OAUTH_TIMESTAMP_REFUSED' } }), silent: makeLink({ status: { working: true } }) },
  R27: { fires: makeLink({ status: { errorType: 'NO_REMOTE_APPLINK' } }), silent: makeLink({ status: { working: true } }) },
  R28: { fires: makeLink({ status: { errorType: 'REMOTE_AUTH_TOKEN_REQUIRED' } }), silent: makeLink({ status: { errorType: 'CONNECTION_REFUSED' } }) },
  R29: { fires: makeLink({ local: { applinksVersion: '6.0.4' } }), silent: makeLink({ local: { applinksVersion: '6.0.5' } }) },
  R30: { fires: makeLink({ observations: { oauth2IncomingScopes: ['READ', 'READ_ALL'] } }), silent: makeLink({ observations: { oauth2IncomingScopes: ['READ', 'WRITE'] } }) },
  R31: { fires: makeLink({ status: { errorType: 'OAUTH_PROBLEM' } }), silent: makeLink({ status: { errorType: 'OAUTH_SIGNATURE_INVALID' } }) },
  R32: { fires: makeLink({ status: { errorType: 'UNEXPECTED_RESPONSE_STATUS' } }), silent: makeLink({ status: { errorType: 'UNKNOWN_HOST' } }) },
  R33: { fires: makeLink({ status: { errorType: 'DISABLED' } }), silent: makeLink({ status: { working: true } }) },
  R34: { fires: makeLink({ status: { errorType: 'NO_OUTGOING_AUTH' } }), silent: makeLink({ status: { errorType: 'NO_REMOTE_APPLINK' } }) },
  R35: { fires: makeLink({ status: { errorType: 'UNKNOWN' } }), silent: makeLink({ status: { working: true } }) },
};

const fired = (link: Link) => assessLink(link).findings.map((f) => f.rule);

describe('every rule fires where it should and stays silent next door', () => {
  it('covers every rule of the guidance data', () => {
    expect(Object.keys(cases).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
  for (const [rule, { fires, silent }] of Object.entries(cases)) {
    it(`${rule} fires`, () => expect(fired(fires)).toContain(rule));
    it(`${rule} stays silent`, () => expect(fired(silent)).not.toContain(rule));
  }
});

describe('details a user relies on', () => {
  it('R22 also catches Applinks 4.1 against 5.0 or later', () => {
    expect(fired(makeLink({ local: { applinksVersion: '5.0.2' }, remote: { applinksVersion: '4.1.9' } }))).toContain('R22');
  });

  it('R29 covers every CVE-2019-15011 range and spares the fixed versions', () => {
    for (const affected of ['3.10.0', '5.0.11', '5.1.0', '5.2.10', '5.3.6', '5.4.12', '6.0.4']) expect(fired(makeLink({ remote: { applinksVersion: affected } })), affected).toContain('R29');
    for (const fixed of ['5.0.12', '5.2.11', '5.3.7', '5.4.13', '6.0.5', '9.1.2']) expect(fired(makeLink({ remote: { applinksVersion: fixed } })), fixed).not.toContain('R29');
  });

  it('an unanswered question stops the path there with a MISSING_ANSWER finding naming it', () => {
    const verdict = assessLink(makeLink({ answers: { mutualTrust: null } }));
    expect(verdict.recommended).toBe('UNDETERMINED');
    expect(verdict.path).toEqual(['START', 'Q_ADMIN', 'Q_TRUST']);
    expect(verdict.settings).toBeNull();
    expect(verdict.findings.find((f) => f.code === 'MISSING_ANSWER')).toMatchObject({ node: 'Q_TRUST', message: expect.stringMatching(/fully trust each other/) });
  });

  it('a system link gets no migration checklist', () => {
    const verdict = assessLink(makeLink({ system: true, config: mirrored(TA) }));
    expect(verdict.updatePath).toBeNull();
    expect(verdict.checklists).toEqual([]);
  });

  it('offers the OAuth 2.0 checklist only when both ends are eligible over HTTPS', () => {
    expect(assessLink(makeLink({ ...eligible, config: mirrored(OAUTH) })).checklists).toEqual(['oauth-to-oauth2']);
    expect(assessLink(makeLink({ ...eligible, local: { version: '11.2.0', baseUrl: 'http://jira.example.com' }, config: mirrored(OAUTH) })).checklists).toEqual([]);
  });
});
