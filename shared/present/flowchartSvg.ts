import type { ChartWalk } from '../engine/walkChart.ts';
import type { Flowchart, FlowNode } from '../guidance/flowcharts.ts';
import { describePath, displayLabel } from './flowchartMermaid.ts';
import { escapeHtml } from './escape.ts';

// Columns 110 px apart: an edge label ("Yes (inferred)", ~75 px at 11 px) fits between a question and the outcome beside it.
const COLUMN = 320;
const NODE_WIDTH = 210;
const LINE = 15;
const PAD = 10;
const ROW_GAP = 34;
const WRAP = 28;
/** Edge labels are 11 px; this is a generous width per character, for keeping them apart. */
export const LABEL_CHAR_WIDTH = 6.2;
// Room left of the questions for the longest edge label ("No (inferred)") beside the lanes.
const LANE_MARGIN = 96;

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > WRAP) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

interface Placed {
  node: FlowNode;
  row: number;
  column: number;
  lines: string[];
  x: number;
  y: number;
  height: number;
}

/**
 * Lays a chart out without a browser. Both charts are a spine of questions with outcomes branching
 * off, so: the start and the questions down the left column in the order they are asked; each outcome
 * beside the first question that leads to it; the outcomes of the last question in a row below it.
 * Edges are routed square. Used where Mermaid (which needs a DOM) cannot run: reports and the CLI.
 */
function layout(chart: Flowchart): { placed: Map<string, Placed>; width: number; height: number } {
  const rank = new Map<string, number>([[chart.nodes[0]!.id, 0]]);
  for (let changed = true, guard = 0; changed && guard <= chart.nodes.length; guard++) {
    changed = false;
    for (const edge of chart.edges) {
      const next = (rank.get(edge.from) ?? 0) + 1;
      if (rank.has(edge.from) && (rank.get(edge.to) ?? -1) < next) {
        rank.set(edge.to, next);
        changed = true;
      }
    }
  }
  const kindOf = new Map(chart.nodes.map((n) => [n.id, n.kind]));
  const spine = chart.nodes.filter((n) => n.kind !== 'outcome').sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  const rows: FlowNode[][] = spine.map((n) => [n]);
  const row = new Map(spine.map((n, i) => [n.id, i]));
  for (const node of spine) {
    const children = chart.edges.filter((e) => e.from === node.id).map((e) => chart.nodes.find((n) => n.id === e.to)!);
    const outcomes = children.filter((c) => c.kind === 'outcome' && !row.has(c.id));
    if (!outcomes.length) continue;
    const terminal = node.kind === 'decision' && !children.some((c) => kindOf.get(c.id) !== 'outcome');
    const target = terminal ? rows.push([]) - 1 : row.get(node.id)!;
    for (const outcome of outcomes) {
      rows[target]!.push(outcome);
      row.set(outcome.id, target);
    }
  }
  const placed = new Map<string, Placed>();
  let y = PAD;
  let columns = 1;
  for (const [r, nodes] of rows.entries()) {
    const height = Math.max(...nodes.map((n) => wrap(displayLabel(n)).length * LINE + 2 * PAD));
    nodes.forEach((node, c) => {
      const lines = wrap(displayLabel(node));
      placed.set(node.id, { node, row: r, column: c, lines, x: PAD + c * COLUMN, y, height: lines.length * LINE + 2 * PAD });
    });
    columns = Math.max(columns, nodes.length);
    y += height + ROW_GAP;
  }
  return { placed, width: PAD * 2 + (columns - 1) * COLUMN + NODE_WIDTH, height: y - ROW_GAP + PAD };
}

/**
 * The chart as a standalone SVG, the path of one link highlighted (nodes and edges), the unanswered
 * question marked, inferred edges dashed. Every label is escaped. `id` names it for `<use>`.
 */
export function flowchartSvg(chart: Flowchart, walk: Pick<ChartWalk, 'path' | 'pendingQuestion'> | null, id: string): string {
  // Edges to a question further down the same column go around the left of the questions between (straight
  // down, they read as passing through them), each in a lane of its own; their labels need a margin there.
  const laid = layout(chart);
  const { placed, height } = laid;
  const skips = chart.edges.filter((e) => placed.get(e.from)!.column === placed.get(e.to)!.column && placed.get(e.to)!.row > placed.get(e.from)!.row + 1)
    .sort((a, b) => placed.get(a.from)!.row - placed.get(b.from)!.row);
  const left = skips.length ? LANE_MARGIN + 8 * skips.length : 0;
  for (const p of placed.values()) p.x += left;
  const width = laid.width + left;
  const onPath = new Set(walk?.path ?? []);
  const takenEdge = (from: string, to: string) => {
    const i = walk?.path.indexOf(from) ?? -1;
    return i >= 0 && walk?.path[i + 1] === to;
  };
  const parts: string[] = [];
  for (const edge of chart.edges) {
    const a = placed.get(edge.from)!;
    const b = placed.get(edge.to)!;
    const cx = (p: Placed) => p.x + NODE_WIDTH / 2;
    let d: string;
    let labelAt: [number, number];
    let anchor = 'start';
    const lane = skips.indexOf(edge);
    if (lane >= 0) {
      // The edge that starts higher up takes the lane nearer the column, so no lane crosses another's label.
      const x = left - 6 - 8 * lane;
      d = `M${a.x},${a.y + a.height / 2} H${x} V${b.y + b.height / 2} H${b.x}`;
      labelAt = [x - 4, a.y + a.height / 2 - 4];
      anchor = 'end';
    } else if (a.column === b.column) {
      d = `M${cx(a)},${a.y + a.height} V${b.y}`;
      labelAt = [cx(a) + 6, a.y + a.height + 14];
    } else if (a.row === b.row) {
      d = `M${a.x + NODE_WIDTH},${a.y + a.height / 2} H${b.x}`;
      labelAt = [a.x + NODE_WIDTH + 6, a.y + a.height / 2 - 5];
    } else {
      // Across from the question's side to the outcome's column, then down (or up) to it.
      const mid = a.y + a.height / 2;
      d = `M${a.x + NODE_WIDTH},${mid} H${cx(b)} V${b.row > a.row ? b.y : b.y + b.height}`;
      labelAt = [a.x + NODE_WIDTH + 6, mid - 5];
    }
    const classes = ['edge', takenEdge(edge.from, edge.to) ? 'taken' : '', edge.inferred ? 'inferred' : ''].filter(Boolean).join(' ');
    parts.push(`<path class="${classes}" d="${d}" marker-end="url(#${id}-arrow)"/>`);
    const label = [edge.answer === 'yes' ? 'Yes' : edge.answer === 'no' ? 'No' : '', edge.inferred ? '(inferred)' : ''].filter(Boolean).join(' ');
    if (label) parts.push(`<text class="edge-label" x="${labelAt[0]}" y="${labelAt[1]}"${anchor === 'end' ? ' text-anchor="end"' : ''}>${escapeHtml(label)}</text>`);
  }
  for (const p of placed.values()) {
    const state = walk?.pendingQuestion === p.node.id ? 'pending' : onPath.has(p.node.id) ? 'taken' : '';
    parts.push(`<g class="node ${p.node.kind} ${state}"><rect x="${p.x}" y="${p.y}" width="${NODE_WIDTH}" height="${p.height}" rx="${p.node.kind === 'decision' ? 2 : 10}"/>`);
    p.lines.forEach((line, i) => parts.push(`<text x="${p.x + NODE_WIDTH / 2}" y="${p.y + PAD + LINE * (i + 0.8)}" text-anchor="middle">${escapeHtml(line)}</text>`));
    parts.push('</g>');
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${escapeHtml(id)}" class="flowchart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(describePath(chart, walk))}">`,
    `<title>${escapeHtml(chart.caption)}</title>`,
    `<defs><marker id="${escapeHtml(id)}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
