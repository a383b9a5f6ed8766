import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { migrationTarget } from '../../../shared/engine/checklist.ts';
import { CURRENT_CHART, DOCUMENTED_CHART } from '../../../shared/guidance/flowcharts.ts';
import { flowchartSource } from '../../../shared/present/flowchartMermaid.ts';
import { buildReport } from '../../../shared/present/report/reportModel.ts';
import { reportHtml, reportMarkdown } from '../../../shared/present/report/reportFormats.ts';
import { verdictToText } from '../../../shared/present/verdictReport.ts';
import { makeLink, mirrored, OAUTH, OAUTH_IMP, TA } from '../../fixtures/links.ts';
import { eligible, finding, generic, ids, item, remedies, rules, view } from '../../fixtures/verdictQueries.ts';

// Issue 15 "Guidance engine II", continued: T21–T27.
describe('issue 15 scenarios T21–T27', () => {
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
