import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../../shared/model/documentText.ts';
import { readInventoryFile } from '../../../shared/import/inventoryFile.ts';
import { makeLink, mirrored, TA } from '../../fixtures/links.ts';

// Red-team pass (3 Dec 2026), issue 17: link.triage is a record keyed by rule id, and every key that is not one
// made its own issue. A file with a triage of 400,000 keys (10 MB) made zod gather 400,000 issues and overflow the
// stack (RangeError) — parseDocumentText, which "never throws", threw — and a smaller one gave a reason of megabytes.
const KEYS = 400_000;
const huge = (value: unknown) => Object.fromEntries(Array.from({ length: KEYS }, (_, i) => [`x${i}`, value]));
const link = (triage: unknown) => ({ ...makeLink({ id: 'ta', name: 'TA', config: mirrored(TA) }), triage });
const AT = '2026-12-03T00:00:00.000Z';

describe('a triage with far more entries than there are rule ids', () => {
  it('is refused in one plain problem in an inventory file', () => {
    const started = Date.now();
    const result = readInventoryFile(JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [link(huge({ status: 'open' }))] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ path: expect.stringContaining('links[0].triage'), message: expect.stringMatching(/at most 100 decisions/) });
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('makes a workspace document unreadable with a short reason, without throwing', () => {
    const parsed = parseDocumentText(JSON.stringify({ schemaVersion: 3, revision: 1, link: link(huge({ status: 'bogus' })), createdAt: AT, updatedAt: AT }));
    expect(parsed).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/^link\.triage: .*at most 100 decisions/) });
    expect((parsed as { reason: string }).reason.length).toBeLessThan(300);
  });

  it('still takes one decision per rule id, and still names a key that is not one', () => {
    const all = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`R${String(i).padStart(2, '0')}`, { status: 'fixed-pending-verification' }]));
    expect(readInventoryFile(JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [link(all)] })).ok).toBe(true);
    const bad = readInventoryFile(JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [link({ constructor: { status: 'open' } })] }));
    expect(bad).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/rule id such as R07/) }] });
  });
});
