import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { checklistProgress, checklistsFor, type ChecklistView } from '../../../shared/engine/checklist.ts';
import { CHECKLISTS } from '../../../shared/guidance/checklists.ts';
import { SOURCES } from '../../../shared/guidance/sources.ts';
import { parseStatusEvidence } from '../../../shared/import/statusEvidence.ts';
import type { Link } from '../../../shared/model/link.ts';
import { makeLink, mirrored, OAUTH, TA } from '../../fixtures/links.ts';

const viewOf = (link: Link, id: string) => checklistsFor(link, assessLink(link)).find((c) => c.id === id);
const ids = (view: ChecklistView | undefined, section: string) => view?.sections.find((s) => s.section === section)?.items.map((i) => i.id) ?? [];

// Issue 15 points 3 and 14: local system-administrator rights and "fix CONFIG ERROR / mismatch first" are prerequisites of every path.
const COMMON_PREREQUISITES = ['ta-pre-inventory', 'ta-pre-backup', 'ta-pre-compatible', 'ta-pre-target-imp', 'ta-pre-local-sysadmin', 'ta-pre-config-error', 'ta-pre-network', 'ta-pre-https', 'ta-pre-urls', 'ta-pre-clocks'];
const COMMON_VERIFICATION = ['ta-verify-status-local', 'ta-verify-status-remote', 'ta-verify-mirror', 'ta-verify-prompt'];

describe('ta-to-oauth: the steps of the update path the link takes', () => {
  it('path 1 (auto update): sysadmin prerequisite and the automatic update, no manual steps', () => {
    const view = viewOf(makeLink({ config: mirrored(TA) }), 'ta-to-oauth');
    expect(view?.updatePath).toBe(1);
    expect(ids(view, 'prerequisites')).toEqual([...COMMON_PREREQUISITES.slice(0, 4), 'ta-pre-sysadmin', ...COMMON_PREREQUISITES.slice(4)]);
    expect(ids(view, 'steps')).toEqual(['ta-step-open', 'ta-step-auto-update', 'ta-step-recreate']);
    expect(ids(view, 'verification')).toEqual(COMMON_VERIFICATION);
  });

  it('path 2 (manual update): both ends by hand, then "Allow 2-legged OAuth"', () => {
    const view = viewOf(makeLink({ config: mirrored(TA), answers: { sysadminOnRemote: false } }), 'ta-to-oauth');
    expect(view?.updatePath).toBe(2);
    expect(ids(view, 'prerequisites')).toEqual(COMMON_PREREQUISITES);
    // Issue 15 point 14: path 2 ends with removing Trusted Apps / Basic, or its verification cannot pass.
    expect(ids(view, 'steps')).toEqual(['ta-step-open', 'ta-step-manual-local', 'ta-step-manual-remote', 'ta-step-2lo', 'ta-step-manual-remove', 'ta-step-recreate']);
  });

  it('path 3 (auto remove), and the impersonation trap when the user bases are not shared', () => {
    const view = viewOf(makeLink({ config: mirrored(['trustedApps', ...OAUTH]), answers: { sharedUserBase: false } }), 'ta-to-oauth');
    expect(view?.updatePath).toBe(3);
    expect(ids(view, 'steps')).toEqual(['ta-step-open', 'ta-step-auto-remove', 'ta-step-downgrade-imp', 'ta-step-recreate']);
    expect(ids(view, 'prerequisites')).toContain('ta-pre-target-oauth');
  });

  it('path 4 (manual remove, newer plugin)', () => {
    const view = viewOf(makeLink({ config: mirrored(['trustedApps', ...OAUTH]), answers: { sysadminOnRemote: false } }), 'ta-to-oauth');
    expect(view?.updatePath).toBe(4);
    // Issue 15 point 3 (CODE-RemoteMigration): nothing is removed before the OAuth that stays is checked on both ends.
    expect(ids(view, 'steps')).toEqual(['ta-step-open', 'ta-step-check-oauth', 'ta-step-remove-newer', 'ta-step-2lo', 'ta-step-recreate']);
  });

  it('path 5 (manual remove, older plugin), with the cluster IP-pattern trap', () => {
    const view = viewOf(makeLink({
      remote: { applinksVersion: '5.0.8' },
      config: { local: { outgoing: [...OAUTH], incoming: ['trustedApps', ...OAUTH] }, remote: { outgoing: ['trustedApps', ...OAUTH], incoming: [...OAUTH] } },
      answers: { sysadminOnRemote: false }, observations: { clusteredOrProxied: true },
    }), 'ta-to-oauth');
    expect(view?.updatePath).toBe(5);
    expect(ids(view, 'steps')).toEqual(['ta-step-open', 'ta-step-check-oauth', 'ta-step-remove-older', 'ta-step-remove-older-local', 'ta-step-2lo', 'ta-step-recreate']);
    expect(ids(view, 'prerequisites')).toContain('ta-pre-ip-patterns');
  });

  it('adds the feature checks the link uses', () => {
    const view = viewOf(makeLink({ config: mirrored(TA), features: ['devPanel', 'gadgets'] }), 'ta-to-oauth');
    expect(ids(view, 'verification')).toEqual(['ta-verify-status-local', 'ta-verify-status-remote', 'ta-verify-mirror', 'ta-verify-macro', 'ta-verify-devpanel', 'ta-verify-prompt']);
  });
});

describe('oauth-to-oauth2 is gated on eligibility', () => {
  it('is locked for T6 (Confluence 10.0: unconfirmed) with the reason and both sources', () => {
    const view = viewOf(makeLink({ local: { version: '11.2.0' }, remote: { version: '10.0.2' }, config: mirrored(OAUTH) }), 'oauth-to-oauth2');
    expect(view?.locked?.reason).toMatch(/^Eligibility is unconfirmed: .*seed page says 10.0.*10.1/);
    expect(view?.locked?.sources).toEqual(['S27', 'seed']);
  });

  it('is locked for T7 (Jira 10.3 below 11.2)', () => {
    const view = viewOf(makeLink({ local: { product: 'bitbucket', version: '10.1.0' }, remote: { product: 'jira', version: '10.3.5' }, config: mirrored(OAUTH), features: ['devPanel'] }), 'oauth-to-oauth2');
    expect(view?.locked?.reason).toMatch(/^Not possible yet: Jira 10.3.5 is below 11.2/);
  });

  it('is open for a link with both ends eligible over HTTPS, with the Q3 caveat', () => {
    const view = viewOf(makeLink({ local: { version: '11.2.0' }, remote: { version: '10.1.0' }, config: mirrored(OAUTH) }), 'oauth-to-oauth2');
    expect(view?.locked).toBeNull();
    expect(ids(view, 'prerequisites')).toContain('o2-pre-integrations');
    expect(view?.sections.flatMap((s) => s.items).find((i) => i.id === 'o2-pre-integrations')?.text).toMatch(/Q3/);
  });
});

describe('progress', () => {
  it('counts required items done or not applicable; optional items never block closing', () => {
    const view = viewOf(makeLink({ config: mirrored(TA) }), 'ta-to-oauth')!;
    const required = view.sections.flatMap((s) => s.items).filter((i) => !i.optional);
    const items = Object.fromEntries(required.map((i, n) => [i.id, { status: n === 0 ? 'not-applicable' as const : 'done' as const }]));
    expect(checklistProgress(view, { items })).toEqual({ done: required.length, required: required.length, complete: true });
    const open = { ...items, [required[1]!.id]: { status: 'blocked' as const } };
    expect(checklistProgress(view, { items: open }).complete).toBe(false);
  });
});

describe('checklist data', () => {
  it('every item has a unique id, a known source and sensible text', () => {
    for (const checklist of Object.values(CHECKLISTS)) {
      const seen = new Set<string>();
      for (const item of checklist.items) {
        expect(seen.has(item.id), item.id).toBe(false);
        seen.add(item.id);
        for (const source of item.sources) expect(SOURCES[source], `${item.id} cites ${source}`).toBeDefined();
      }
    }
  });
});

describe('pasted status evidence', () => {
  const status = (working: boolean, error: unknown) => JSON.stringify({ link: { id: 'x', name: 'Corporate Jira' }, working, localAuthentication: {}, error });

  it('accepts a healthy status', () => {
    expect(parseStatusEvidence(status(true, null))).toMatchObject({ ok: true, healthy: true, summary: 'Working, no error (Corporate Jira).' });
  });
  it('flags working:false and an error type', () => {
    expect(parseStatusEvidence(status(false, { category: 'CONFIG_ERROR', type: 'AUTH_LEVEL_MISMATCH' }))).toMatchObject({
      ok: true, healthy: false, evidence: { working: false, errorType: 'AUTH_LEVEL_MISMATCH' }, summary: 'Not working, error CONFIG_ERROR/AUTH_LEVEL_MISMATCH (Corporate Jira).',
    });
  });
  it('explains malformed text with its place', () => {
    expect(parseStatusEvidence('{"working": tru')).toMatchObject({ ok: false, problems: [{ path: expect.stringMatching(/^line 1, column/), message: expect.stringMatching(/^not valid JSON/) }] });
    expect(parseStatusEvidence('[1,2]')).toMatchObject({ ok: false, problems: [{ path: '(root)' }] });
    expect(parseStatusEvidence('{"link": {}}')).toMatchObject({ ok: false, problems: [{ path: 'working', message: expect.stringMatching(/true or false/) }] });
  });
});
