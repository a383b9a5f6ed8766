import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../../shared/guidance/flowcharts.ts';
import { RULES } from '../../../shared/guidance/rules.ts';
import { SOURCES } from '../../../shared/guidance/sources.ts';
import { OAUTH2_PRODUCT_LINK_THRESHOLDS } from '../../../shared/guidance/versionThresholds.ts';
import { RULE_PREDICATES } from '../../../shared/engine/rulePredicates.ts';

describe('guidance data is well formed', () => {
  for (const chart of Object.values(CHARTS)) {
    it(`${chart.id} chart: one start, every decision has a yes and a no edge, every edge joins known nodes`, () => {
      const ids = new Set(chart.nodes.map((n) => n.id));
      expect(ids.size).toBe(chart.nodes.length);
      expect(chart.nodes.filter((n) => n.kind === 'start')).toHaveLength(1);
      for (const edge of chart.edges) {
        expect(ids.has(edge.from) && ids.has(edge.to), `${edge.from} → ${edge.to}`).toBe(true);
      }
      for (const node of chart.nodes.filter((n) => n.kind === 'decision')) {
        expect(chart.edges.filter((e) => e.from === node.id).map((e) => e.answer).sort(), node.id).toEqual(['no', 'yes']);
      }
      for (const node of chart.nodes) if (node.kind !== 'start') expect(chart.edges.some((e) => e.to === node.id), `${node.id} reachable`).toBe(true);
    });
  }

  it('keeps the inferred flags of domain §2.2', () => {
    const inferred = CHARTS.documented.edges.filter((e) => e.inferred).map((e) => `${e.from}-${e.answer}`);
    expect(inferred.sort()).toEqual(['Q_ADMIN-yes', 'Q_TRUST-no', 'START-null']);
    expect(CHARTS.current.inferredNote).toMatch(/synthesis/);
  });

  // R01–R30 are domain §12; R31–R35 are ours (issue 15 point 4: the other status codes of domain §6.2).
  it('has the rules R01–R35, each with a predicate, a remedy and known sources, variants included', () => {
    expect(RULES.map((r) => r.id)).toEqual(Array.from({ length: 35 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`));
    for (const rule of RULES) {
      expect(RULE_PREDICATES[rule.id], rule.id).toBeTypeOf('function');
      expect(rule.remedy.length, rule.id).toBeGreaterThan(10);
      for (const source of rule.sources) expect(SOURCES[source], `${rule.id} cites ${source}`).toBeDefined();
      for (const [name, variant] of Object.entries(rule.variants ?? {})) {
        for (const source of variant.sources ?? []) expect(SOURCES[source], `${rule.id}/${name} cites ${source}`).toBeDefined();
      }
    }
    for (const chart of Object.values(CHARTS)) {
      for (const node of chart.nodes) if ('sources' in node) for (const s of node.sources) expect(SOURCES[s], `${node.id} cites ${s}`).toBeDefined();
    }
  });

  it('uses the stricter OAuth 2.0 thresholds and keeps the seed numbers as unconfirmed (domain §11.1)', () => {
    expect(OAUTH2_PRODUCT_LINK_THRESHOLDS.confluence).toMatchObject({ strict: '10.1', seed: '10.0' });
    expect(OAUTH2_PRODUCT_LINK_THRESHOLDS.crowd).toMatchObject({ strict: '7.1', seed: '7.0' });
    expect(OAUTH2_PRODUCT_LINK_THRESHOLDS.jira?.strict).toBe('11.2');
    expect(OAUTH2_PRODUCT_LINK_THRESHOLDS.fecru).toBeUndefined();
  });
});
