import { describe, expect, it } from 'vitest';
import { assessLink, type Verdict } from '../../../shared/engine/assessLink.ts';
import { checklistsFor, migrationTarget, type ChecklistView } from '../../../shared/engine/checklist.ts';
import { CURRENT_CHART, DOCUMENTED_CHART } from '../../../shared/guidance/flowcharts.ts';
import { FIRST_WITH_APPLINKS_52 } from '../../../shared/guidance/versionThresholds.ts';
import type { Link } from '../../../shared/model/link.ts';
import { flowchartSource } from '../../../shared/present/flowchartMermaid.ts';
import { buildReport } from '../../../shared/present/report/reportModel.ts';
import { reportHtml, reportMarkdown } from '../../../shared/present/report/reportFormats.ts';
import { verdictToText } from '../../../shared/present/verdictReport.ts';
import { makeLink, mirrored, OAUTH, OAUTH_IMP, TA } from '../../fixtures/links.ts';

const finding = (verdict: Verdict, rule: string) => verdict.findings.find((f) => f.rule === rule);
const rules = (verdict: Verdict) => verdict.findings.map((f) => f.rule);
const primary = (verdict: Verdict) => verdict.findings.find((f) => f.primary)?.rule;
const view = (link: Link, id: string): ChecklistView | undefined => checklistsFor(link, assessLink(link)).find((c) => c.id === id);
const ids = (v: ChecklistView | undefined, section: string) => v?.sections.find((s) => s.section === section)?.items.map((i) => i.id) ?? [];
const item = (v: ChecklistView | undefined, id: string) => v?.sections.flatMap((s) => s.items).find((i) => i.id === id);
const remedies = (verdict: Verdict) => verdict.findings.map((f) => f.remedy).join('\n');

const generic = { product: 'generic' as const, version: undefined, applinksVersion: undefined, baseUrl: 'https://tool.example.com' };
const eligible = { local: { version: '11.2.0' }, remote: { version: '10.1.0' } };

// Issue 15 "Guidance engine II": one scenario per point, continuing the domain's T-series (§14 ends at T12).
describe('issue 15 scenarios T13–T27', () => {
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

  // Domain §10 [S61]: Bamboo "From Bamboo 3.1, compatible with Applinks"; §1: a link to an app without
  // Applinks runs in legacy mode; R05/R12: impersonation is Atlassian-with-Applinks only.
  it('T21 (point 9): a remote older than its first Applinks release is external, never an impersonation target', () => {
    const old = assessLink(makeLink({ remote: { product: 'bamboo', version: '3.0.2', applinksVersion: undefined }, config: mirrored(OAUTH_IMP) }));
    expect(old.recommended).toBe('EXTERNAL');
    expect(rules(old)).toContain('R12');
    expect(old.settings?.local.incoming).not.toContain('oauth2loi');
    const withTa = assessLink(makeLink({ remote: { product: 'bamboo', version: '3.0.2', applinksVersion: undefined }, config: { local: { outgoing: [...TA], incoming: [] } } }));
    expect(finding(withTa, 'R06')?.remedy).not.toMatch(/OAuth \(impersonation\)/);
    expect(assessLink(makeLink({ remote: { product: 'bamboo', version: '3.1.0', applinksVersion: undefined }, config: mirrored(OAUTH_IMP) })).recommended).toBe('OAUTH_IMPERSONATION');
  });

  // Seed: "We recommend using OAuth 2.0 authentication instead of OAuth 1.0 for application links";
  // domain §7: the update flow only leads to OAuth 1.0a; §13.2 takes OAuth 1.0a to OAuth 2.0.
  it('T22 (point 10): a Trusted Apps link between OAuth 2.0-eligible ends is planned on to OAuth 2.0', () => {
    const link = makeLink({ ...eligible, config: mirrored(TA) });
    const verdict = assessLink(link);
    expect(verdict.recommended).toBe('OAUTH2');
    expect(verdict.checklists).toEqual(['ta-to-oauth', 'oauth-to-oauth2']);
    expect(ids(view(link, 'ta-to-oauth'), 'steps')).toEqual(expect.arrayContaining(['ta-step-next-oauth2', 'ta-step-straight-oauth2']));
    const o2 = view(link, 'oauth-to-oauth2');
    expect(o2?.locked).toBeNull();
    expect(ids(o2, 'prerequisites')).toContain('o2-pre-legacy-first');
  });

  // Domain §7 [CODE-RemoteMigration]: "if Basic is configured, OAuth (3LO + 2LO) is used" (not impersonation).
  it('T23 (point 11): Basic auto-updates to OAuth 3LO+2LO; the raise to impersonation is a step, and recorded only once done', () => {
    const link = makeLink({ config: mirrored(['basic']), answers: { sharedUserBase: true, sysadminOnRemote: true } });
    expect(assessLink(link).updatePath).toBe(1);
    expect(ids(view(link, 'ta-to-oauth'), 'steps')).toContain('ta-step-raise-imp');
    expect(migrationTarget(link, 'ta-to-oauth')).toBe('OAUTH');
    expect(migrationTarget(link, 'ta-to-oauth', { items: { 'ta-step-raise-imp': { status: 'done' } } })).toBe('OAUTH_IMPERSONATION');
    // Trusted Apps on the automatic path needs no such step.
    expect(ids(view(makeLink({ config: mirrored(TA) }), 'ta-to-oauth'), 'steps')).not.toContain('ta-step-raise-imp');
  });

  // Domain §3.5.1 [S31]: "Outgoing link (the product is the OAuth 2.0 client). Choose a provider (Google,
  // Microsoft, Custom) …"; "Jira's outgoing link mainly exists for mail servers".
  it('T24 (point 12): an outgoing OAuth 2.0 link to an external mail service is kept, not "no authentication"', () => {
    const verdict = assessLink(makeLink({
      remote: { ...generic, baseUrl: 'https://outlook.office365.com' },
      config: { local: { outgoing: ['oauth2'], incoming: [] } },
      answers: { adminOnRemote: false, mutualTrust: null, sharedUserBase: null, sysadminOnRemote: null },
    }));
    expect(verdict.recommended).toBe('EXTERNAL');
    expect(verdict.path).toEqual(['START', 'Q_ADMIN', 'Q_EXT_O2', 'O_EXT']);
    expect(rules(verdict)).not.toContain('R01');
    expect(verdict.settings?.local.outgoing).toEqual(['oauth2']);
    expect(verdict.settings?.sentence).toMatch(/^Keep the outgoing OAuth 2.0 link/);
  });

  it('T25 (point 13): no verdict contradicts itself', () => {
    // A one-way recommendation never carries "Migrate to OAuth" (seed third scenario; S20).
    const oneWay = assessLink(makeLink({ config: mirrored(['trustedApps', 'basic', 'oauth3lo']), answers: { adminOnRemote: false }, features: ['gadgets'] }));
    expect(oneWay.recommended).toBe('NONE');
    expect(remedies(oneWay)).not.toMatch(/Migrate to OAuth|Move the link to OAuth|Tick "Allow 2-legged OAuth"/);
    expect(finding(oneWay, 'R07')?.remedy).toMatch(/^Remove Basic/);
    // A system link is left alone: no "configure impersonation" beside "leave it out of migrations" (S50).
    const system = assessLink(makeLink({ system: true, config: mirrored(TA) }));
    expect(rules(system)).toContain('R23');
    expect(rules(system)).not.toContain('R03');
    expect(remedies(system)).not.toMatch(/impersonation/);
    expect(system.settings).toBeNull();
    // R21 only where OAuth 2.0 product links will exist (domain §11.1: FishEye/Crucible "not supported").
    expect(rules(assessLink(makeLink({ remote: { product: 'fecru', version: '4.8.14' }, config: mirrored(OAUTH) })))).not.toContain('R21');
    // The Crowd sentence only where Crowd is an end (S24).
    expect(assessLink(makeLink({ config: mirrored(TA) })).findings.map((f) => f.message).join(' ')).not.toMatch(/Crowd/);
    expect(finding(assessLink(makeLink({ remote: { product: 'crowd', version: '3.7.2' }, config: mirrored(TA) })), 'R06')?.message).toMatch(/Crowd 3.7.2/);
    // Wording.
    const external = assessLink(makeLink({ remote: generic, config: { local: { incoming: [...OAUTH], outgoing: [] } } }));
    expect(external.settings?.sentence).toMatch(/^Treat the remote application as an external application/);
    const pending = makeLink({ answers: { mutualTrust: null } });
    const pendingVerdict = assessLink(pending);
    expect(verdictToText(pending, pendingVerdict)).not.toMatch(/MISSING_ANSWER MISSING_ANSWER/);
    const order = pendingVerdict.findings.map((f) => f.rule);
    const firstOtherInfo = pendingVerdict.findings.findIndex((f) => f.severity === 'info' && f.rule !== 'MISSING_ANSWER');
    expect(firstOtherInfo === -1 || order.indexOf('MISSING_ANSWER') < firstOtherInfo).toBe(true);
    expect(assessLink(makeLink({ answers: { mutualTrust: null }, system: true })).findings.findIndex((f) => f.rule === 'MISSING_ANSWER'))
      .toBeLessThan(assessLink(makeLink({ answers: { mutualTrust: null }, system: true })).findings.findIndex((f) => f.rule === 'R23'));
    // The documented (Confluence 5.0) path that ends in Trusted Apps carries a deprecation note (S18, S20).
    const ta = makeLink({ config: mirrored(TA) });
    const taVerdict = assessLink(ta);
    expect(taVerdict.documented.outcome).toBe('O_TA');
    expect(taVerdict.documentedDeprecation).toMatch(/unsupported from Applinks 5.2/);
    expect(verdictToText(ta, taVerdict)).toMatch(/Documented: .*O_TA — deprecated: Trusted Applications is unsupported/);
    expect(flowchartSource(DOCUMENTED_CHART, taVerdict.documented, 'chart')).toMatch(/Two-way Trusted Applications, incoming \+ outgoing \(deprecated from Applinks 5.2\)/);
    const at = '2026-12-03T04:00:00.000Z';
    const report = buildReport([{ schemaVersion: 3, revision: 1, link: ta, createdAt: at, updatedAt: at }],
      { title: 'T25', author: null, generatedAt: at, appVersion: '0.1.0', classification: null, includeChecklists: false });
    expect(reportMarkdown(report)).toMatch(/Documented \(Confluence 5\.0\) path: .*O_TA — deprecated: Trusted Applications is unsupported/);
    expect(reportHtml(report)).toMatch(/Documented \(Confluence 5\.0\) path<\/th><td>.*O_TA — deprecated: Trusted Applications is unsupported/);
  });

  it('T26 (point 14): checklist wording follows the sources', () => {
    // S18 path 2 "Manual update": the legacy types go at the end, or verification cannot pass.
    const path2 = view(makeLink({ config: mirrored(TA), answers: { sysadminOnRemote: false } }), 'ta-to-oauth');
    expect(ids(path2, 'steps').filter((id) => id !== 'ta-step-recreate').at(-1)).toBe('ta-step-manual-remove');
    expect(ids(path2, 'prerequisites')).toContain('ta-pre-config-error');
    // S37: "a configuration summary of a Basic link contains credentials".
    expect(ids(view(makeLink({ config: mirrored(['basic']) }), 'ta-to-oauth'), 'steps')).toContain('ta-step-basic-password');
    // Domain §13.2 step 5: remove the old link "once verified"; Q8: coexistence is unknown.
    const o2 = view(makeLink({ ...eligible, config: mirrored(OAUTH) }), 'oauth-to-oauth2');
    expect(ids(o2, 'steps')).not.toContain('o2-step-remove-old');
    expect(ids(o2, 'verification').at(-1)).toBe('o2-verify-remove-old');
    expect(o2?.summary).toMatch(/open question \(Q8\)/);
    expect(item(o2, 'o2-step-coexist')?.text).toMatch(/^Open question Q8/);
    // Not open while mutual trust is unanswered.
    expect(view(makeLink({ ...eligible, config: mirrored(OAUTH), answers: { mutualTrust: null } }), 'oauth-to-oauth2')?.locked?.reason)
      .toMatch(/^Answer "Do the two applications fully trust each other\?" \(Q_TRUST\) first/);
    // Citations: S29 says the client ID/secret cross over; the V3 resource lists OAuth 2.0 links; the backup is [INFERRED].
    expect(item(o2, 'o2-step-outgoing')?.sources).toEqual(['S29']);
    expect(item(o2, 'o2-verify-listed')?.sources).toEqual(['CODE-ApplinkV3Resource']);
    const backup = item(view(makeLink({ config: mirrored(TA) }), 'ta-to-oauth'), 'ta-pre-backup');
    expect(backup).toMatchObject({ sources: [], inferred: true });
  });

  // Domain §2.3: "This is an [INFERRED] synthesis"; Q_ATL is derived from both ends (docs/engine.md).
  it('T27 (point 15): the current chart marks every synthesised placement as inferred and asks about both ends', () => {
    const documented = CURRENT_CHART.edges.filter((e) => !e.inferred).map((e) => `${e.from}-${e.answer}`);
    expect(documented).toEqual(['Q_EXT_O2-no']);
    const atl = CURRENT_CHART.nodes.find((n) => n.id === 'Q_ATL');
    expect(atl?.label).toMatch(/^Both ends/);
    expect(atl?.kind === 'decision' && atl.question).toMatch(/Are both ends/);
  });
});
