import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { makeLink, mirrored, OAUTH, TA } from '../../fixtures/links.ts';

// Domain §7: which of the five legacy update paths a link takes.
describe('legacy update paths 1–5', () => {
  it('1: TA, no OAuth, sysadmin on remote → LEGACY_UPDATE', () => {
    const verdict = assessLink(makeLink({ config: mirrored(TA), answers: { sysadminOnRemote: true } }));
    expect(verdict.updatePath).toBe(1);
    expect(verdict.findings.find((f) => f.rule === 'R06')?.code).toBe('LEGACY_UPDATE');
  });
  it('2: TA, no OAuth, not sysadmin → MANUAL_LEGACY_UPDATE (unanswered counts as not confirmed)', () => {
    for (const sysadminOnRemote of [false, null]) {
      const verdict = assessLink(makeLink({ config: mirrored(TA), answers: { sysadminOnRemote } }));
      expect(verdict.updatePath).toBe(2);
      expect(verdict.findings.find((f) => f.rule === 'R06')?.code).toBe('MANUAL_LEGACY_UPDATE');
    }
  });
  it('3: TA beside OAuth, sysadmin → LEGACY_REMOVAL', () => {
    const verdict = assessLink(makeLink({ config: mirrored(['trustedApps', ...OAUTH]) }));
    expect(verdict.updatePath).toBe(3);
    expect(verdict.findings.find((f) => f.rule === 'R06')?.code).toBe('LEGACY_REMOVAL');
  });
  it('3 also without sysadmin when only a local outgoing Basic remains', () => {
    const verdict = assessLink(makeLink({
      config: { local: { outgoing: ['basic', ...OAUTH], incoming: [...OAUTH] }, remote: { outgoing: [...OAUTH], incoming: [...OAUTH] } },
      answers: { sysadminOnRemote: false },
    }));
    expect(verdict.updatePath).toBe(3);
  });
  it('4: TA beside OAuth, not sysadmin, newer remote plugin → MANUAL_LEGACY_REMOVAL', () => {
    const verdict = assessLink(makeLink({ config: mirrored(['trustedApps', ...OAUTH]), answers: { sysadminOnRemote: false } }));
    expect(verdict.updatePath).toBe(4);
    expect(verdict.findings.find((f) => f.rule === 'R06')?.code).toBe('MANUAL_LEGACY_REMOVAL');
  });
  it('5: incoming TA beside OAuth, not sysadmin, remote Applinks older than 5.2 → MANUAL_LEGACY_REMOVAL_WITH_OLD_EDIT', () => {
    const verdict = assessLink(makeLink({
      remote: { applinksVersion: '5.0.8' },
      config: { local: { outgoing: [...OAUTH], incoming: ['trustedApps', ...OAUTH] }, remote: { outgoing: ['trustedApps', ...OAUTH], incoming: [...OAUTH] } },
      answers: { sysadminOnRemote: false },
    }));
    expect(verdict.updatePath).toBe(5);
    expect(verdict.findings.find((f) => f.rule === 'R06')?.code).toBe('MANUAL_LEGACY_REMOVAL_WITH_OLD_EDIT');
  });
  it('none when no legacy authentication is configured', () => {
    expect(assessLink(makeLink({ config: mirrored(OAUTH) })).updatePath).toBeNull();
  });
});
