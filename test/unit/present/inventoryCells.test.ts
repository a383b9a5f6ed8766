import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { triageCounts } from '../../../shared/engine/triage.ts';
import { ERROR_TYPES } from '../../../shared/model/vocabulary.ts';
import { findingsText } from '../../../shared/present/findingsText.ts';
import { statusLozenge } from '../../../shared/present/linkStatus.ts';
import { makeLink, TA } from '../../fixtures/links.ts';

describe('inventory cells (#17)', () => {
  it('names the Applinks status lozenge from the recorded status (domain §6.1–6.2)', () => {
    expect(statusLozenge(undefined)).toEqual({ label: 'unknown', tone: 'neutral' });
    expect(statusLozenge({ working: false })).toEqual({ label: 'unknown', tone: 'neutral' });
    expect(statusLozenge({ working: true })).toEqual({ label: 'CONNECTED', tone: 'success' });
    expect(statusLozenge({ errorType: 'LEGACY_UPDATE' }).label).toBe('DEPRECATED');
    expect(statusLozenge({ errorType: 'AUTH_LEVEL_UNSUPPORTED' }).label).toBe('DEPRECATED');
    expect(statusLozenge({ errorType: 'AUTH_LEVEL_MISMATCH' }).label).toBe('CONFIG ERROR');
    expect(statusLozenge({ errorType: 'NO_REMOTE_APPLINK' }).label).toBe('CONFIG ERROR');
    expect(statusLozenge({ errorType: 'SSL_UNTRUSTED', working: false })).toEqual({ label: 'NETWORK ERROR', tone: 'danger' });
    expect(statusLozenge({ errorType: 'UNKNOWN' }).label).toBe('unknown');
    // Every error type has a lozenge.
    for (const type of ERROR_TYPES) expect(statusLozenge({ errorType: type }).label).toMatch(/^[A-Z -]+$|^unknown$/);
  });

  it('says open findings by severity, then what triage settled: "3 high, 1 accepted"', () => {
    const link = makeLink({ config: { local: { outgoing: [...TA], incoming: [...TA] } } });
    const findings = assessLink(link).findings;
    expect(findings.length).toBeGreaterThan(1);
    const untriaged = triageCounts(findings, link, '2026-12-03');
    const worst = findings[0]!;
    expect(findingsText(untriaged)).toContain(`${untriaged.open[worst.severity]} ${worst.severity}`);
    const accepted = { ...link, triage: { [worst.rule]: { status: 'accepted-risk' as const, reason: 'server retired in March', due: '2027-03-31' } } };
    const counts = triageCounts(findings, accepted, '2026-12-03');
    expect(findingsText(counts)).toMatch(/, 1 accepted$/);
    const expired = triageCounts(findings, accepted, '2027-04-01');
    expect(findingsText(expired)).toMatch(/, 1 expired$/);
    expect(findingsText(expired)).not.toContain('accepted');
    expect(findingsText(triageCounts([], link, '2026-12-03'))).toBe('none');
  });
});
