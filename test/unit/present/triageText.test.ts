import { describe, expect, it } from 'vitest';
import { triageCounts, triageOf } from '../../../shared/engine/triage.ts';
import type { Link } from '../../../shared/model/link.ts';
import { dayText, triageCountsText, triageLine } from '../../../shared/present/triageText.ts';

const link: Pick<Link, 'triage'> = {
  triage: {
    R06: { status: 'accepted-risk', reason: 'Retired in March', owner: 'Ann', due: '2027-03-31' },
    R11: { status: 'false-positive', reason: 'Proxy rewrites the header' },
    R12: { status: 'fixed-pending-verification', due: '2026-12-01' },
  },
};

describe('triage in words', () => {
  it('says a decision as the verdict shows it', () => {
    expect(dayText('2027-03-31')).toBe('31 Mar 2027');
    expect(triageLine(triageOf(link, 'R06', '2027-03-31'))).toBe('Accepted risk until 31 Mar 2027 — Retired in March — owner: Ann');
    expect(triageLine(triageOf(link, 'R11', '2027-03-31'))).toBe('False positive — Proxy rewrites the header');
    expect(triageLine(triageOf(link, 'R01', '2027-03-31'))).toBeNull();
  });

  it('flags an expired decision as open again', () => {
    expect(triageLine(triageOf(link, 'R06', '2027-04-01'))).toBe('Accepted risk — acceptance expired on 31 Mar 2027, counts as open again — Retired in March — owner: Ann');
    expect(triageLine(triageOf(link, 'R12', '2026-12-03'))).toBe('Fixed, pending verification — decision expired on 1 Dec 2026, counts as open again');
  });

  it('counts "3 high, 1 accepted"', () => {
    const findings = [
      { rule: 'R01', severity: 'high' as const }, { rule: 'R02', severity: 'high' as const }, { rule: 'R03', severity: 'high' as const },
      { rule: 'R06', severity: 'high' as const },
    ];
    expect(triageCountsText(triageCounts(findings, link, '2027-01-01'))).toBe('3 high, 1 accepted');
    expect(triageCountsText(triageCounts(findings, link, '2027-04-01'))).toBe('4 high, 1 expired');
    expect(triageCountsText(triageCounts([{ rule: 'R11', severity: 'medium' }], link, '2027-01-01'))).toBe('none open, 1 false positive');
    expect(triageCountsText(triageCounts([], link, '2027-01-01'))).toBe('none');
  });
});
