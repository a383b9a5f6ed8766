import { describe, expect, it } from 'vitest';
import { changesSince, classifyChange, diffStates } from '../../../shared/engine/compareAssessments.ts';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { summariseVerdict } from '../../../shared/engine/checklist.ts';
import { makeLink, mirrored, OAUTH_IMP, TA } from '../../fixtures/links.ts';

const withTa = makeLink({ id: 'l1', name: 'Jira ↔ Wiki', config: mirrored(TA) });
const migrated = makeLink({ id: 'l1', name: 'Jira ↔ Wiki', config: mirrored(OAUTH_IMP) });
const summary = (link: typeof withTa) => summariseVerdict(assessLink(link));

describe('comparing two saved states', () => {
  it('lists each changed field by its path with the values before and after', () => {
    const changes = diffStates({ link: withTa }, { link: { ...migrated, notes: 'done' } });
    expect(changes).toEqual(expect.arrayContaining([
      { path: 'link.config.local.outgoing', before: 'trustedApps', after: 'oauth3lo, oauth2lo, oauth2loi' },
      { path: 'link.notes', before: null, after: 'done' },
    ]));
    expect(changes.every((c) => c.before !== c.after)).toBe(true);
    expect(diffStates({ link: withTa }, { link: withTa })).toEqual([]);
  });

  it('calls leaving Trusted Applications remediated, going back regressed, and a note only changed', () => {
    expect(classifyChange(summary(withTa), summary(migrated), true)).toBe('remediated');
    expect(classifyChange(summary(migrated), summary(withTa), true)).toBe('regressed');
    expect(classifyChange(summary(withTa), summary({ ...withTa, notes: 'x' }), true)).toBe('changed');
    expect(classifyChange(summary(withTa), summary(withTa), false)).toBe('unchanged');
    expect(classifyChange(null, summary(withTa), true)).toBe('new');
    expect(classifyChange(summary(withTa), null, true)).toBe('removed');
  });

  it('answers "what changed since" with regressions first and leaves unchanged links out', () => {
    const steady = makeLink({ id: 'steady', name: 'Steady', config: mirrored(OAUTH_IMP) });
    const worse = makeLink({ id: 'worse', name: 'Worse', config: mirrored(OAUTH_IMP) });
    const gone = makeLink({ id: 'gone', name: 'Gone' });
    const baseline = new Map([withTa, steady, worse, gone].map((l) => [l.id, { link: l }]));
    const current = [migrated, steady, { ...worse, config: mirrored(TA) }, makeLink({ id: 'fresh', name: 'Fresh' })].map((link) => ({ link }));
    expect(changesSince(baseline, current).map((r) => [r.id, r.kind])).toEqual([
      ['worse', 'regressed'], ['fresh', 'new'], ['l1', 'remediated'], ['gone', 'removed'],
    ]);
  });
});
