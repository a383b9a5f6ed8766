import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSettled, localDay, triageCounts, triageOf } from '../../../shared/engine/triage.ts';
import type { Link } from '../../../shared/model/link.ts';
import { SEVERITIES, TRIAGE_STATUSES } from '../../../shared/model/vocabulary.ts';

const findings = [
  { rule: 'R01', severity: 'high' as const },
  { rule: 'R07', severity: 'high' as const },
  { rule: 'R12', severity: 'medium' as const },
  { rule: 'R20', severity: 'low' as const },
];

describe('triage of findings', () => {
  it('a finding without a decision is open', () => {
    expect(triageOf({}, 'R01', '2026-12-03')).toEqual({ status: 'open', decision: null, expired: false });
  });

  it('an acceptance is in force up to and including its due day, then counts as open again and is flagged', () => {
    const link: Pick<Link, 'triage'> = { triage: { R01: { status: 'accepted-risk', reason: 'Retired in March', due: '2027-03-31' } } };
    expect(triageOf(link, 'R01', '2027-03-31')).toMatchObject({ status: 'accepted-risk', expired: false });
    expect(triageOf(link, 'R01', '2027-04-01')).toMatchObject({ status: 'open', expired: true, decision: { reason: 'Retired in March' } });
  });

  it('counts "3 high, 1 accepted": accepted and false positives leave the open counts, pending verification stays open', () => {
    const link: Pick<Link, 'triage'> = {
      triage: {
        R01: { status: 'accepted-risk', reason: 'Retired in March' },
        R12: { status: 'false-positive', reason: 'Proxy rewrites the header' },
        R20: { status: 'fixed-pending-verification', due: '2026-01-01' },
      },
    };
    const counts = triageCounts(findings, link, '2026-12-03');
    expect(counts).toMatchObject({ acceptedRisk: 1, falsePositive: 1, pendingVerification: 0, expired: 1, worstOpen: 'high' });
    expect(counts.open).toMatchObject({ high: 1, medium: 0, low: 1 });
    expect(triageCounts(findings.slice(0, 1), link, '2026-12-03').worstOpen).toBeNull();
  });

  it('every finding is counted exactly once, whatever the decisions and the day', () => {
    const decision = fc.record({
      status: fc.constantFrom(...TRIAGE_STATUSES),
      due: fc.option(fc.constantFrom('2026-01-01', '2026-12-03', '2027-06-30'), { nil: undefined }),
    }).map((d) => ({ ...d, reason: 'because', ...(d.due ? {} : { due: undefined }) }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('R01', 'R07', 'R12', 'R20', 'R33'), decision), fc.constantFrom('2025-06-01', '2026-12-03', '2028-01-01'), (triage, today) => {
        const counts = triageCounts(findings, { triage }, today);
        const open = SEVERITIES.reduce((sum, s) => sum + counts.open[s], 0);
        expect(open + counts.acceptedRisk + counts.falsePositive).toBe(findings.length);
        const settled = findings.filter((f) => isSettled(triageOf({ triage }, f.rule, today).status)).length;
        expect(counts.acceptedRisk + counts.falsePositive).toBe(settled);
      }),
    );
  });

  it('a day is the local calendar day, zero-padded', () => {
    expect(localDay(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });
});
