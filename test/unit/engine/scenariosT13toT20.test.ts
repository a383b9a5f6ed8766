import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { FIRST_WITH_APPLINKS_52 } from '../../../shared/guidance/versionThresholds.ts';
import { makeLink, mirrored, OAUTH, OAUTH_IMP, TA } from '../../fixtures/links.ts';
import { finding, generic, ids, item, primary, remedies, rules, view } from '../../fixtures/verdictQueries.ts';

// Issue 15 "Guidance engine II": one scenario per point, continuing the domain's T-series (§14 ends at T12).
describe('issue 15 scenarios T13–T20', () => {
  // Seed: "Do not link to an application using OAuth authentication, unless you trust all code in the
  // application to behave itself at all times." and "Only use the 2LO with impersonation option ... if your
  // servers both have the same set of users and the servers fully trust each other."
  it('T13 (point 1): OAuth configured without mutual trust is a high finding with the remedy', () => {
    for (const tokens of [OAUTH_IMP, OAUTH, ['trustedApps']]) {
      const verdict = assessLink(makeLink({ config: mirrored(tokens), answers: { mutualTrust: false } }));
      expect(verdict.recommended).toBe('NONE');
      expect(finding(verdict, 'R02'), tokens.join('+')).toMatchObject({ severity: 'high', code: 'AUTH_WITHOUT_TRUST' });
      expect(finding(verdict, 'R02')?.remedy).toMatch(/Remove OAuth .*impersonation.*one-way outgoing without authentication/);
      expect(verdict.worstSeverity).toBe('high');
    }
    expect(finding(assessLink(makeLink({ config: mirrored(OAUTH_IMP), answers: { mutualTrust: false } })), 'R02')?.message).toMatch(/Configured today: 2LO with impersonation, 2LO, 3LO/);
    // Nothing configured: the one-way recommendation stays an info finding.
    expect(finding(assessLink(makeLink({ answers: { mutualTrust: false } })), 'R02')?.severity).toBe('info');
  });

  // Domain §6.3 / CODE-StatusService: the status check stops at GENERIC_LINK (local compatibility, step 2)
  // before the "3LO-only unsupported" check (step 5); R05: impersonation and 2LO widening are Atlassian-only.
  it('T14 (point 2): an external consumer is never told to enable 2LO', () => {
    const link = makeLink({
      remote: generic, config: { local: { incoming: ['oauth3lo'], outgoing: [] } },
      status: { errorType: 'GENERIC_LINK' }, observations: { usersRepeatedlyPrompted: true },
    });
    const verdict = assessLink(link);
    expect(verdict.recommended).toBe('EXTERNAL');
    expect(rules(verdict)).not.toContain('R09');
    expect(remedies(verdict)).not.toMatch(/Allow 2-legged OAuth|(?<!not )enable 2LO/i);
    expect(finding(verdict, 'R15')?.remedy).toMatch(/do not enable 2LO/);
    // Legacy mode is not Atlassian-with-Applinks either.
    expect(rules(assessLink(makeLink({ remote: { legacyMode: true }, config: { local: { incoming: ['oauth3lo'], outgoing: [] } } })))).not.toContain('R09');
  });

  // Domain §4 rule 2 (AUTH_LEVEL_MISMATCH is checked before legacy, §6.3); the issue: "Atlassian's migration
  // refuses when the two ends' OAuth differ and removes outgoing TA only once the remote's incoming OAuth works".
  // Domain §4 rule 3: outgoing TA means the remote trusts the local app, so local incoming TA ↔ remote outgoing TA.
  it('T15 (point 3): half-configured OAuth: the mismatch is primary and mirroring comes before any removal', () => {
    const link = makeLink({
      config: { local: { outgoing: ['trustedApps', ...OAUTH], incoming: ['trustedApps', ...OAUTH] }, remote: { outgoing: [...TA], incoming: [...TA] } },
      answers: { sysadminOnRemote: false },
    });
    const verdict = assessLink(link);
    expect(primary(verdict)).toBe('R10');
    const steps = ids(view(link, 'ta-to-oauth'), 'steps');
    expect(steps.slice(0, 2)).toEqual(['ta-step-open', 'ta-step-mirror-first']);
    const firstRemoval = steps.findIndex((id) => /remove/.test(id));
    expect(firstRemoval).toBeGreaterThan(steps.indexOf('ta-step-mirror-first'));
    expect(ids(view(link, 'ta-to-oauth'), 'prerequisites')).toEqual(expect.arrayContaining(['ta-pre-local-sysadmin', 'ta-pre-config-error']));

    const path5 = makeLink({
      remote: { applinksVersion: '5.0.8' },
      config: { local: { outgoing: [...OAUTH], incoming: ['trustedApps', ...OAUTH] }, remote: { outgoing: ['trustedApps', ...OAUTH], incoming: [...OAUTH] } },
      answers: { sysadminOnRemote: false },
    });
    expect(assessLink(path5).updatePath).toBe(5);
    expect(item(view(path5, 'ta-to-oauth'), 'ta-step-remove-older')?.text).toMatch(/remove the outgoing Trusted Apps of its link back/);
    expect(item(view(path5, 'ta-to-oauth'), 'ta-step-remove-older')?.text).not.toMatch(/remove incoming Trusted Apps/);
  });

  // Domain §6.2: OAUTH_PROBLEM, UNEXPECTED_RESPONSE(_STATUS), SSL_* … are category NETWORK_ERROR; S21 (lozenges),
  // S22 (oauth_problem=consumer_key_unknown …). T9: "Block migration … auth changes cannot be verified while the link cannot connect".
  it('T16 (point 4): every network-category error is at least medium, has its own remedy and blocks the checklists', () => {
    const network = ['OAUTH_PROBLEM', 'UNEXPECTED_RESPONSE', 'UNEXPECTED_RESPONSE_STATUS', 'SSL_UNTRUSTED', 'SSL_HOSTNAME_UNMATCHED', 'SSL_UNMATCHED',
      'CONNECTION_REFUSED', 'UNKNOWN_HOST', 'OAUTH_TIMESTAMP_REFUSED', 'OAUTH_SIGNATURE_INVALID'] as const;
    const seen = new Set<string>();
    for (const errorType of network) {
      const link = makeLink({ config: mirrored(TA), status: { errorType } });
      const verdict = assessLink(link);
      const hit = verdict.findings.find((f) => f.code === errorType);
      expect(hit, errorType).toBeDefined();
      expect(['critical', 'high', 'medium'], errorType).toContain(hit!.severity);
      expect(hit!.primary, errorType).toBe(true);
      seen.add(hit!.remedy);
      expect(view(link, 'ta-to-oauth')?.locked?.reason, errorType).toMatch(new RegExp(`^Blocked by ${errorType}`));
    }
    // Each error has a remedy of its own (UNEXPECTED_RESPONSE and _STATUS share one: the same cause).
    expect(seen.size).toBe(network.length - 1);
    // A link on OAuth with a broken status never looks healthy.
    const oauthProblem = assessLink(makeLink({ config: mirrored(OAUTH), status: { errorType: 'OAUTH_PROBLEM' } }));
    expect(oauthProblem.worstSeverity).toBe('high');
    expect(finding(oauthProblem, 'R31')?.remedy).toMatch(/consumer_key_unknown/);
    for (const errorType of ['DISABLED', 'NO_OUTGOING_AUTH'] as const) {
      expect(assessLink(makeLink({ config: mirrored(OAUTH), status: { errorType } })).findings.find((f) => f.code === errorType)?.severity, errorType).toBe('medium');
    }
  });

  // Domain §3.2 / SEC-7 [S15]: Basic "relies entirely on the connection being secure".
  it('T17 (point 5): Basic over plain HTTP is flagged whatever the target', () => {
    const verdict = assessLink(makeLink({
      remote: { product: 'confluence', baseUrl: 'http://wiki.partner.example' },
      config: { local: { outgoing: ['basic'], incoming: [] } },
      answers: { adminOnRemote: false },
    }));
    expect(verdict.recommended).toBe('NONE');
    expect(finding(verdict, 'R16')).toMatchObject({ severity: 'high', title: 'Basic HTTP over plain HTTP' });
    expect(finding(verdict, 'R16')?.message).toMatch(/http:\/\/wiki\.partner\.example/);
  });

  // Domain §6.2: LEGACY_UPDATE "TA/Basic present, no OAuth, you are sysadmin on remote -> Path 1";
  // LEGACY_REMOVAL "TA/Basic present and OAuth present -> Path 3". Incoming TA lives in a link property exports can miss.
  it('T18 (point 6): a legacy status code makes the link legacy, picks the path and keeps Atlassian\'s code', () => {
    const removal = assessLink(makeLink({ config: mirrored(OAUTH), status: { errorType: 'LEGACY_REMOVAL' } }));
    expect(removal.updatePath).toBe(3);
    expect(finding(removal, 'R06')).toMatchObject({ code: 'LEGACY_REMOVAL', title: expect.stringMatching(/status reports deprecated/) });
    expect(['critical', 'high', 'medium']).toContain(finding(removal, 'R06')?.severity);
    expect(removal.checklists).toContain('ta-to-oauth');

    const update = assessLink(makeLink({ config: mirrored(TA), status: { errorType: 'LEGACY_UPDATE' }, answers: { sysadminOnRemote: null } }));
    expect(update.updatePath).toBe(1);
    expect(finding(update, 'R06')?.code).toBe('LEGACY_UPDATE');

    // The configuration alone would say path 4; Atlassian's own code is shown as written.
    const oldEdit = assessLink(makeLink({ config: mirrored(['trustedApps', ...OAUTH]), status: { errorType: 'MANUAL_LEGACY_REMOVAL_WITH_OLD_EDIT' }, answers: { sysadminOnRemote: false } }));
    expect(oldEdit.updatePath).toBe(5);
    expect(finding(oldEdit, 'R06')?.code).toBe('MANUAL_LEGACY_REMOVAL_WITH_OLD_EDIT');
  });

  // Domain §6.2: LEGACY_REMOVAL is "also raised without sysadmin when only outgoing Basic remains" — the
  // status service validates the local end's configuration (CODE-StatusValidation).
  it('T19 (point 7): the update path is decided per local end', () => {
    const verdict = assessLink(makeLink({
      config: { local: { outgoing: ['basic', ...OAUTH], incoming: [...OAUTH] }, remote: { outgoing: [...OAUTH], incoming: ['basic', ...OAUTH] } },
      answers: { sysadminOnRemote: false },
    }));
    expect(verdict.updatePath).toBe(3);
    expect(finding(verdict, 'R07')?.code).toBe('LEGACY_REMOVAL');
    // Only the remote carries Trusted Apps: its own check decides (TA and OAuth there, not sysadmin: path 4).
    const remoteOnly = assessLink(makeLink({
      config: { local: { outgoing: [...OAUTH], incoming: [...OAUTH] }, remote: { outgoing: ['trustedApps', ...OAUTH], incoming: [...OAUTH] } },
      answers: { sysadminOnRemote: false },
    }));
    expect(remoteOnly.updatePath).toBe(4);
  });

  // Domain §11.3 [S23]: "First products with Applinks 5.2.x: Confluence 5.10 (5.2.2), … JIRA 7.2 platform (5.2.3),
  // … Bitbucket Server 4.7–4.10 (5.2.2), … FishEye/Crucible 4.2 (5.2.3). Bamboo 5.14/5.15 still shipped
  // 5.0.8/5.0.9 (Bamboo's first 5.2 release is not documented in the cited source)."
  it('T20 (point 8): below Applinks 5.2 there is no update path: old screens and 2LO, or upgrade first', () => {
    expect(FIRST_WITH_APPLINKS_52).toEqual({ confluence: '5.10', jira: '7.2', bitbucket: '4.7', fecru: '4.2' });
    const link = makeLink({ local: { product: 'confluence', version: '5.9.14', applinksVersion: undefined }, config: mirrored(TA) });
    const verdict = assessLink(link);
    expect(verdict.updatePath).toBeNull();
    expect(verdict.checklists).toContain('ta-to-oauth');
    const steps = ids(view(link, 'ta-to-oauth'), 'steps');
    expect(steps).toContain('ta-step-old-screens');
    expect(steps).not.toContain('ta-step-auto-update');
    expect(steps).not.toContain('ta-step-open');
    expect(item(view(link, 'ta-to-oauth'), 'ta-step-old-screens')?.text).toMatch(/Allow 2-legged OAuth.*|upgrade first/);
    expect(finding(verdict, 'R06')?.message).toMatch(/shows DEPRECATED from Applinks 5.2 \(shipped from Confluence 5.10\)/);
    // No Atlassian code is raised below 5.2: the finding carries ours, not a relabelled LEGACY_UPDATE.
    expect(finding(verdict, 'R06')?.code).toBe('TRUSTED_APPS_DEPRECATED');
    // At or above the floor: path 1 as before.
    expect(assessLink(makeLink({ local: { product: 'confluence', version: '5.10.0', applinksVersion: undefined }, config: mirrored(TA) })).updatePath).toBe(1);
    // Bamboo (open question Q7): shown as a caveat in the verdict, not guessed.
    const bamboo = assessLink(makeLink({ local: { product: 'bamboo', version: '6.2.1', applinksVersion: undefined }, config: mirrored(TA) }));
    expect(finding(bamboo, 'R06')?.message).toMatch(/Caveat: whether Bamboo 6.2.1 ships Applinks 5.2 .*open question Q7/);
    expect(assessLink(makeLink({ local: { product: 'bamboo', version: '5.15.0', applinksVersion: undefined }, config: mirrored(TA) })).updatePath).toBeNull();
  });
});
