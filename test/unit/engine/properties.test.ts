import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { CURRENT_CHART, DOCUMENTED_CHART } from '../../../shared/guidance/flowcharts.ts';
import { linkSchema, type Link } from '../../../shared/model/link.ts';
import { arbitraryLink } from '../../fixtures/arbitraryLink.ts';

const outcomeOf = (id: string | null) => CURRENT_CHART.nodes.find((n) => n.id === id);

describe('engine properties (fast-check)', () => {
  it('generated links are valid inventory links', () => {
    fc.assert(fc.property(arbitraryLink, (link) => linkSchema.safeParse(link).success), { numRuns: 300 });
  });

  it('never throws; the path starts at START and ends at an outcome, or at the unanswered question for UNDETERMINED', () => {
    fc.assert(
      fc.property(arbitraryLink, (link) => {
        const verdict = assessLink(link);
        expect(verdict.path[0]).toBe('START');
        const last = verdict.path.at(-1)!;
        if (verdict.recommended === 'UNDETERMINED') {
          expect(last).toBe(verdict.pendingQuestion);
          expect(verdict.findings.some((f) => f.code === 'MISSING_ANSWER' && f.node === last)).toBe(true);
        } else {
          const node = outcomeOf(last);
          expect(node?.kind).toBe('outcome');
          expect(node && node.kind === 'outcome' ? node.recommendation : null).toBe(verdict.recommended);
        }
        // Every consecutive pair of the path is an edge of the chart.
        for (let i = 1; i < verdict.path.length; i++) {
          expect(CURRENT_CHART.edges.some((e) => e.from === verdict.path[i - 1] && e.to === verdict.path[i])).toBe(true);
        }
        expect(DOCUMENTED_CHART.nodes.some((n) => n.id === verdict.documented.path.at(-1))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('marks at most one primary finding and sorts findings by severity', () => {
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    fc.assert(
      fc.property(arbitraryLink, (link) => {
        const { findings } = assessLink(link);
        expect(findings.filter((f) => f.primary).length).toBeLessThanOrEqual(1);
        const ranks = findings.map((f) => order.indexOf(f.severity));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
      { numRuns: 1000 },
    );
  });

  it('swapping the two ends of a mirrored link does not change the recommendation', () => {
    const mirroredLink = arbitraryLink.map((link): Link => {
      const remote = { outgoing: [...link.config.local.incoming], incoming: [...link.config.local.outgoing] };
      return { ...link, config: { local: link.config.local, remote } };
    });
    fc.assert(
      fc.property(mirroredLink, (link) => {
        const swapped: Link = { ...link, local: link.remote, remote: link.local, config: { local: link.config.remote!, remote: link.config.local } };
        expect(assessLink(swapped).recommended).toBe(assessLink(link).recommended);
      }),
      { numRuns: 1000 },
    );
  });
});
