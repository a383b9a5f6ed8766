import { describe, expect, it } from 'vitest';
import { CHARTS, type Flowchart } from '../../../shared/guidance/flowcharts.ts';
import { flowchartSvg, LABEL_CHAR_WIDTH } from '../../../shared/present/flowchartSvg.ts';

interface Box { x0: number; y0: number; x1: number; y1: number; what: string }

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The drawing as geometry: node boxes, edge-label boxes (11 px text) and each edge's straight segments. */
function geometry(chart: Flowchart) {
  const svg = flowchartSvg(chart, null, 'chart');
  const nodes: Box[] = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)]
    .map(([, x, y, w, h]) => ({ x0: +x!, y0: +y!, x1: +x! + +w!, y1: +y! + +h!, what: `node at ${x},${y}` }));
  const labels: Box[] = [...svg.matchAll(/<text class="edge-label" x="([\d.]+)" y="([\d.]+)">([^<]*)<\/text>/g)]
    .map(([, x, y, text]) => ({ x0: +x!, y0: +y! - 9, x1: +x! + text!.length * LABEL_CHAR_WIDTH, y1: +y! + 2, what: `label "${text}" at ${x},${y}` }));
  const segments: Box[] = [];
  for (const [, d] of svg.matchAll(/<path class="edge[^"]*" d="([^"]+)"/g)) {
    let [x, y] = /^M([\d.]+),([\d.]+)/.exec(d!)!.slice(1).map(Number) as [number, number];
    for (const [, axis, value] of d!.matchAll(/([HV])([\d.]+)/g)) {
      const [nx, ny] = axis === 'H' ? [+value!, y] : [x, +value!];
      segments.push({ x0: Math.min(x, nx), y0: Math.min(y, ny), x1: Math.max(x, nx), y1: Math.max(y, ny), what: `edge ${d}` });
      [x, y] = [nx, ny];
    }
  }
  return { nodes, labels, segments };
}

// The report's and the CLI's drawing of both charts (#18: evidence that explains itself must be legible).
describe.each(Object.entries(CHARTS))('the %s chart as the reports draw it', (_, chart) => {
  const { nodes, labels, segments } = geometry(chart);

  it('has every edge label clear of the other labels and of every box', () => {
    expect(labels.length).toBeGreaterThan(0);
    const clashes = labels.flatMap((label, i) => [...labels.slice(i + 1), ...nodes].filter((other) => overlap(label, other)).map((other) => `${label.what} × ${other.what}`));
    expect(clashes).toEqual([]);
  });

  it('never runs an edge through a box: an edge to a question further down goes around the ones between', () => {
    // A segment may touch a box's border where it starts or ends; it must not cross the inside of one.
    const inside = (n: Box): Box => ({ ...n, x0: n.x0 + 1, y0: n.y0 + 1, x1: n.x1 - 1, y1: n.y1 - 1 });
    const through = segments.flatMap((s) => nodes.filter((n) => overlap({ ...s, x1: s.x1 + 0.01, y1: s.y1 + 0.01 }, inside(n))).map((n) => `${s.what} × ${n.what}`));
    expect(through).toEqual([]);
  });
});
