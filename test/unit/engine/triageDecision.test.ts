import { describe, expect, it } from 'vitest';
import { isCalendarDay, triageDecision, triageableRules, withTriage } from '../../../shared/engine/triageDecision.ts';
import { triageDecisionSchema, type Link } from '../../../shared/model/link.ts';
import { TRIAGE_STATUSES } from '../../../shared/model/vocabulary.ts';

const AT = '2026-12-03T10:00:00.000Z';

describe('a triage request, checked before anything is saved', () => {
  it('needs a reason for accepted-risk and false-positive, not for the others', () => {
    for (const status of TRIAGE_STATUSES) {
      const result = triageDecision({ status, reason: '  ' }, { at: AT });
      expect(result.ok, status).toBe(status !== 'accepted-risk' && status !== 'false-positive');
    }
    expect(triageDecision({ status: 'accepted-risk' }, { at: AT })).toEqual({ ok: false, problems: [{ field: 'reason', message: expect.stringMatching(/^Give a reason: an accepted risk must say why/) }] });
  });

  it('builds a decision the link schema accepts, trimmed, stamped with when and by whom; "open" is no decision', () => {
    const result = triageDecision({ status: 'accepted-risk', reason: ' Retired in March ', owner: ' Ann ', due: '2027-03-31' }, { at: AT, by: 'A. Admin' });
    expect(result).toEqual({ ok: true, decision: { status: 'accepted-risk', reason: 'Retired in March', owner: 'Ann', due: '2027-03-31', at: AT, by: 'A. Admin' } });
    if (result.ok) expect(triageDecisionSchema.safeParse(result.decision).success).toBe(true);
    expect(triageDecision({ status: 'fixed-pending-verification', owner: '' }, { at: AT, by: null })).toEqual({ ok: true, decision: { status: 'fixed-pending-verification', at: AT } });
    expect(triageDecision({ status: 'open', reason: 'whatever' }, { at: AT })).toEqual({ ok: true, decision: null });
  });

  it('refuses an unknown status, a day that does not exist, and text longer than the schema keeps — every problem at once', () => {
    const result = triageDecision({ status: 'wontfix', owner: 'x'.repeat(101), due: '2027-02-29' }, { at: AT });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['status', 'owner', 'due']);
    expect(triageDecision({ status: 'false-positive', reason: 'x'.repeat(2001) }, { at: AT })).toMatchObject({ ok: false, problems: [{ field: 'reason' }] });
  });

  it('knows the calendar', () => {
    expect(['2028-02-29', '2027-12-31', '2027-01-01'].map(isCalendarDay)).toEqual([true, true, true]);
    expect(['2027-02-29', '2027-04-31', '2027-13-01', '27-01-01', '2027-1-1', ''].map(isCalendarDay)).toEqual([false, false, false, false, false, false]);
  });

  it('only rules with an id can be triaged (MISSING_ANSWER cannot), each once', () => {
    expect(triageableRules([{ rule: 'R06' }, { rule: 'MISSING_ANSWER' }, { rule: 'R06' }, { rule: 'R21' }])).toEqual(['R06', 'R21']);
  });

  it('replaces or removes one rule\'s decision and leaves no empty triage behind', () => {
    const link: Pick<Link, 'triage'> = { triage: { R06: { status: 'false-positive', reason: 'x' } } };
    const added = withTriage(link, 'R21', { status: 'fixed-pending-verification' });
    expect(Object.keys(added.triage!)).toEqual(['R06', 'R21']);
    expect(withTriage(withTriage(added, 'R21', null), 'R06', null)).toEqual({});
    expect(link.triage).toEqual({ R06: { status: 'false-positive', reason: 'x' } });
  });
});
