import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { CURRENT_CHART, DOCUMENTED_CHART } from '../../../shared/guidance/flowcharts.ts';
import { flowchartSource, mermaidText } from '../../../shared/present/flowchartMermaid.ts';
import { makeLink, mirrored, TA } from '../../fixtures/links.ts';

describe('Mermaid source from the guidance data', () => {
  const verdict = assessLink(makeLink({ config: mirrored(TA) }));
  const source = flowchartSource(CURRENT_CHART, verdict, 'Current chart');

  it('declares every node and edge of the chart', () => {
    for (const node of CURRENT_CHART.nodes) expect(source).toContain(`  ${node.id}`);
    expect(source.match(/-\.?->|-->/g)).toHaveLength(CURRENT_CHART.edges.length);
  });

  it('highlights exactly the nodes and edges of the path', () => {
    expect(source).toContain('class START,Q_ADMIN,Q_TRUST,Q_ATL,Q_O2,Q_USERS,O_IMP taken');
    const highlighted = /linkStyle ([\d,]+) /.exec(source)?.[1]?.split(',').map(Number) ?? [];
    expect(highlighted.map((i) => `${CURRENT_CHART.edges[i]!.from}>${CURRENT_CHART.edges[i]!.to}`)).toEqual([
      'START>Q_ADMIN', 'Q_ADMIN>Q_TRUST', 'Q_TRUST>Q_ATL', 'Q_ATL>Q_O2', 'Q_O2>Q_USERS', 'Q_USERS>O_IMP',
    ]);
  });

  it('draws inferred edges dashed and says so', () => {
    expect(flowchartSource(DOCUMENTED_CHART, null, 'Documented')).toContain('Q_TRUST -.->|"No (inferred)"| O_ONEWAY');
  });

  it('marks the unanswered question', () => {
    const pending = assessLink(makeLink({ answers: { sharedUserBase: null } }));
    const text = flowchartSource(CURRENT_CHART, pending, 'Current');
    expect(text).toContain('class Q_USERS pending');
    expect(text).toMatch(/accDescr: .*unanswered question/);
  });

  it('neutralises text that would break out of a label or start a directive', () => {
    const hostile = '"]; click A call alert(1); %%{init:{}}%%\nflowchart LR';
    const escaped = mermaidText(hostile);
    expect(escaped).not.toMatch(/["%{}[\]<>\n]/);
    expect(flowchartSource(CURRENT_CHART, null, hostile)).not.toContain('%%{');
  });
});
