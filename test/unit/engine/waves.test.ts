import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { planWaves } from '../../../shared/engine/waves.ts';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { Link, LinkPlan } from '../../../shared/model/link.ts';
import { buildReport } from '../../../shared/present/report/reportModel.ts';
import { makeLink, mirrored, OAUTH_IMP, TA } from '../../fixtures/links.ts';

const AT = '2026-12-03T00:00:00.000Z';
const doc = (link: Link, checklists?: AssessmentDocument['checklists']): AssessmentDocument => ({ schemaVersion: 3, revision: 1, link, createdAt: AT, updatedAt: AT, ...(checklists ? { checklists } : {}) });
const assessed = (docs: AssessmentDocument[]) => docs.map((document) => ({ document, verdict: assessLink(document.link) }));
const TODAY = '2026-12-03';

// Four kinds of link: Trusted Apps to migrate (open), OAuth 1.0a between servers too old for OAuth 2.0
// (locked: an upgrade comes first), OAuth 1.0a between eligible servers (open), and OAuth 2.0 already (nothing to do).
const ta = (id: string, plan?: LinkPlan, hosts = ['jira.example.com', 'wiki.example.com']) =>
  makeLink({ id, name: `TA ${id}`, plan, config: mirrored(TA), local: { baseUrl: `https://${hosts[0]}` }, remote: { baseUrl: `https://${hosts[1]}` } });
const oldOAuth = (id: string, plan?: LinkPlan) => makeLink({ id, name: `Old ${id}`, plan, config: mirrored(OAUTH_IMP) });
const eligible = (id: string, plan?: LinkPlan) => makeLink({ id, name: `Eligible ${id}`, plan, config: mirrored(OAUTH_IMP), local: { version: '11.2.0' }, remote: { version: '10.1.0' } });
const done = (id: string, plan?: LinkPlan) => makeLink({ id, name: `Done ${id}`, plan, config: mirrored(['oauth2']), local: { version: '11.2.0' }, remote: { version: '10.1.0' } });

describe('migration waves', () => {
  it('groups links by window in date order, then an Unscheduled group of links that need a migration, and leaves out links with nothing to do', () => {
    const plan = planWaves(assessed([
      doc(ta('a', { window: '2027-03-01', owner: 'Ana' })), doc(ta('b', { window: '2027-01-15' })), doc(eligible('c', { window: '2027-01-15', owner: 'Bo' })),
      doc(ta('d')), doc(done('e')), doc(done('f', { window: '2027-03-01' })),
    ]), TODAY);
    expect(plan.waves.map((w) => w.window)).toEqual(['2027-01-15', '2027-03-01', null]);
    expect(plan.waves[0]!.links.map((l) => l.id)).toEqual(['c', 'b']);
    expect(plan.waves[0]!.counts).toEqual({ links: 2, open: 2, done: 0, planned: 0, none: 0 });
    expect(plan.waves[0]!.owners).toEqual(['Bo']);
    expect(plan.waves[1]!.counts).toEqual({ links: 2, open: 1, done: 0, planned: 0, none: 1 });
    expect(plan.waves[2]!.links.map((l) => l.id)).toEqual(['d']);
    expect(plan.leftOut).toEqual({ noMigration: 1, doneWithoutWindow: 0 });
  });

  it('counts migrations and checklist items exactly as the report summary does', () => {
    const docs = [
      doc(ta('a', { window: '2027-01-15' }), { 'ta-to-oauth': { items: { 'ta-pre-backup': { status: 'done' } } } }),
      doc(ta('b'), { 'ta-to-oauth': { items: {}, closed: { at: AT, configuration: mirrored(OAUTH_IMP) } } as never }),
      doc(oldOAuth('c', { window: '2027-01-15' })), doc(eligible('d')), doc(done('e')),
    ];
    const plan = planWaves(assessed(docs), TODAY);
    const report = buildReport(docs, { title: 't', author: null, generatedAt: AT, appVersion: 'test', includeChecklists: true } as never);
    expect(plan.totals).toEqual({ links: 5, open: report.summary.migrationsOpen, done: report.summary.migrationsDone, planned: report.summary.migrationsPlanned });
    expect(plan.totals).toMatchObject({ open: 2, done: 1, planned: 1 });
    const wave = plan.waves[0]!;
    const reportA = report.links.find((l) => l.document.link.id === 'a')!.checklists[0]!;
    expect(wave.links.find((l) => l.id === 'a')!.items).toEqual({ done: reportA.done, required: reportA.required });
    expect(wave.items.done).toBe(1);
    expect(plan.leftOut).toEqual({ noMigration: 1, doneWithoutWindow: 1 });
  });

  it('flags a link planned for OAuth 2.0 whose ends must be upgraded first (PLAN01), citing the threshold sources', () => {
    const plan = planWaves(assessed([doc(oldOAuth('c', { window: '2027-01-15', owner: 'Ana' }))]), TODAY);
    const problems = plan.problems.filter((p) => p.rule === 'PLAN01');
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/Jira 9\.12\.4 is below 11\.2.*Upgrade Jira at jira\.example\.com before this wave/),
      expect.stringMatching(/Confluence 8\.5\.4 is below 10\.1.*Upgrade Confluence at wiki\.example\.com/),
    ]);
    expect(problems[0]!.sources).toEqual(expect.arrayContaining(['S27', 'seed']));
    expect(problems[0]).toMatchObject({ linkId: 'c', window: '2027-01-15' });
  });

  it('flags a scheduled link a finding blocks (PLAN02, with the finding\'s rule id) and one waiting for an answer (PLAN03)', () => {
    const blocked = makeLink({ id: 'n', plan: { window: '2027-01-15', owner: 'A' }, config: mirrored(TA), status: { errorType: 'CONNECTION_REFUSED' } as never });
    const unanswered = makeLink({ id: 'q', plan: { window: '2027-01-15', owner: 'A' }, config: mirrored(OAUTH_IMP), local: { version: '11.2.0' }, remote: { version: '10.1.0' }, answers: { mutualTrust: null } });
    const plan = planWaves(assessed([doc(blocked), doc(unanswered)]), TODAY);
    const verdict = assessLink(blocked);
    expect(verdict.blockedBy).not.toBeNull();
    expect(plan.problems.find((p) => p.linkId === 'n')).toMatchObject({ rule: 'PLAN02', sources: expect.arrayContaining([verdict.blockedBy!.rule]) });
    expect(plan.problems.find((p) => p.linkId === 'q')).toMatchObject({ rule: 'PLAN03', sources: ['Q_TRUST'] });
  });

  it('flags a window in the past with the migration unfinished (PLAN05), but not a finished one', () => {
    const plan = planWaves(assessed([
      doc(ta('a', { window: '2026-12-02', owner: 'A' })), doc(ta('b', { window: TODAY, owner: 'A' })),
      doc(ta('c', { window: '2026-11-01', owner: 'A' }), { 'ta-to-oauth': { items: {}, closed: { at: AT, configuration: mirrored(OAUTH_IMP) } } as never }),
    ]), TODAY);
    expect(plan.problems.filter((p) => p.rule === 'PLAN05').map((p) => p.linkId)).toEqual(['a']);
  });

  it('flags a dated wave where no link has an owner (PLAN06), and not the unscheduled group', () => {
    const plan = planWaves(assessed([doc(ta('a', { window: '2027-01-15' })), doc(ta('b', { window: '2027-01-15', ticket: 'CHG-1' })), doc(ta('c', { window: '2027-02-01', owner: 'Bo' })), doc(ta('d'))]), TODAY);
    const unowned = plan.problems.filter((p) => p.rule === 'PLAN06');
    expect(unowned).toEqual([expect.objectContaining({ window: '2027-01-15' })]);
    expect(unowned[0]).not.toHaveProperty('linkId');
  });

  it('flags a product\'s links planned before its link to the directory it depends on (PLAN04), for any directory host and product', () => {
    const crowd = (id: string, productHost: string, plan?: LinkPlan) => makeLink({
      id, name: `${productHost} to Crowd`, plan, config: mirrored(TA),
      local: { product: 'bitbucket', version: '8.9.0', baseUrl: `https://${productHost}` }, remote: { product: 'crowd', version: '5.1.0', baseUrl: 'https://id.corp.example' },
    });
    const plan = planWaves(assessed([
      doc(crowd('bb-crowd', 'git.corp.example', { window: '2027-02-01', owner: 'A' })),
      doc(ta('bb-jira', { window: '2027-01-10', owner: 'A' }, ['git.corp.example', 'jira.corp.example'])),
      doc(ta('bb-wiki', { window: '2027-02-01', owner: 'A' }, ['git.corp.example', 'wiki.corp.example'])),
      doc(crowd('jira-crowd', 'jira2.corp.example')),
      doc(crowd('jira-crowd-2', 'jira2.corp.example', { window: '2027-01-01', owner: 'A' })),
      doc(ta('jira2-wiki', { window: '2027-03-01', owner: 'A' }, ['wiki.corp.example', 'jira2.corp.example'])),
      doc(ta('other', { window: '2027-01-01', owner: 'A' }, ['x.corp.example', 'y.corp.example'])),
    ]), TODAY);
    const flagged = plan.problems.filter((p) => p.rule === 'PLAN04');
    expect(flagged.map((p) => p.linkId).sort()).toEqual(['bb-jira', 'jira2-wiki']);
    expect(flagged.find((p) => p.linkId === 'bb-jira')!.message).toMatch(/git\.corp\.example depends on the directory at id\.corp\.example.*is planned for 2027-02-01/);
    expect(flagged.find((p) => p.linkId === 'jira2-wiki')!.message).toMatch(/has no window yet/);
    expect(flagged[0]!.sources).toEqual(expect.arrayContaining(['S24', 'S27']));
  });

  it('gives a link one PLAN04 problem per host however many directories gate it, so a workspace of many Crowds cannot make the plan quadratic', () => {
    // Red-team pass (3 Dec 2026): 400 directory links of one product host, none planned, and 400 planned links
    // of that host made 160,000 problems; a few thousand links of a hostile workspace exhausted memory.
    const count = 400;
    const crowds = Array.from({ length: count }, (_, i) => makeLink({
      id: `crowd-${i}`, name: `To Crowd ${i}`, config: mirrored(TA),
      local: { product: 'bitbucket', version: '8.9.0', baseUrl: 'https://git.corp.example' }, remote: { product: 'crowd', version: '5.1.0', baseUrl: `https://id${i}.corp.example` },
    }));
    const planned = Array.from({ length: count }, (_, i) => ta(`p-${i}`, { window: '2027-01-10', owner: 'A' }, ['git.corp.example', `app${i}.corp.example`]));
    const plan = planWaves(assessed([...crowds, ...planned].map((l) => doc(l))), TODAY);
    const flagged = plan.problems.filter((p) => p.rule === 'PLAN04');
    expect(flagged).toHaveLength(count);
    expect(flagged[0]!.message).toMatch(/directory at id0\.corp\.example, and its link "To Crowd 0" has no window yet \(and 399 more directory links\): migrate the directory links first/);
  });
});
