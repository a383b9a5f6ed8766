import type { ChartWalk } from '../engine/walkChart.ts';
import type { Flowchart, FlowNode } from '../guidance/flowcharts.ts';

/** Characters that could end a Mermaid label or start a directive become entities; line breaks become spaces. */
export function mermaidText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[&"#<>%{}[\]|`\\]/g, (c) => `#${c.charCodeAt(0)};`);
}

function nodeShape(node: FlowNode): [string, string] {
  if (node.kind === 'start') return ['(["', '"])'];
  if (node.kind === 'decision') return ['{"', '"}'];
  return ['["', '"]'];
}

/** A node's label as drawn: a documented outcome that is no longer supported says so (issue 15 point 13). */
export function displayLabel(node: FlowNode): string {
  return node.kind === 'outcome' && node.deprecation ? `${node.label} (deprecated from Applinks 5.2)` : node.label;
}

/** Mermaid class names used by the drawing; the renderer's CSS does not need to know them. */
const FLOWCHART_CLASSES = { taken: 'taken', pending: 'pending', outcome: 'outcome' } as const;

/**
 * Mermaid source for a chart with the path of one link highlighted (nodes and edges), the unanswered
 * question marked, inferred edges dashed and labelled. Generated from the guidance data, never hand-written.
 */
export function flowchartSource(chart: Flowchart, walk: Pick<ChartWalk, 'path' | 'pendingQuestion'> | null, title: string): string {
  const onPath = new Set(walk?.path ?? []);
  const lines = [
    'flowchart TD',
    `  accTitle: ${mermaidText(title)}`,
    `  accDescr: ${mermaidText(describePath(chart, walk))}`,
  ];
  for (const node of chart.nodes) {
    const [open, close] = nodeShape(node);
    lines.push(`  ${node.id}${open}${mermaidText(displayLabel(node))}${close}`);
  }
  const highlighted: number[] = [];
  const inferred: number[] = [];
  chart.edges.forEach((edge, index) => {
    const answer = edge.answer ? (edge.answer === 'yes' ? 'Yes' : 'No') : '';
    const label = [answer, edge.inferred ? '(inferred)' : ''].filter(Boolean).join(' ');
    const arrow = edge.inferred ? '-.->' : '-->';
    lines.push(label ? `  ${edge.from} ${arrow}|"${mermaidText(label)}"| ${edge.to}` : `  ${edge.from} ${arrow} ${edge.to}`);
    const fromIndex = walk?.path.indexOf(edge.from) ?? -1;
    if (fromIndex >= 0 && walk?.path[fromIndex + 1] === edge.to) highlighted.push(index);
    if (edge.inferred) inferred.push(index);
  });
  // The path must be unmistakable in light and dark (#17): its nodes are filled, outlined thick and set
  // in bold, its arrows thick and blue, and every other arrow thin and grey. Colours are explicit so the
  // fill keeps its dark text in either theme.
  lines.push(
    `  classDef ${FLOWCHART_CLASSES.taken} fill:#cfe1ff,stroke:#1f6feb,stroke-width:4px,color:#09326c,font-weight:bold`,
    `  classDef ${FLOWCHART_CLASSES.pending} fill:#fff1c2,stroke:#bf8700,stroke-width:4px,stroke-dasharray:6 3,color:#533f04,font-weight:bold`,
  );
  if (chart.edges.length) lines.push('  linkStyle default stroke:#8590a2,stroke-width:1.5px');
  const taken = chart.nodes.filter((n) => onPath.has(n.id) && n.id !== walk?.pendingQuestion).map((n) => n.id);
  if (taken.length) lines.push(`  class ${taken.join(',')} ${FLOWCHART_CLASSES.taken}`);
  if (walk?.pendingQuestion) lines.push(`  class ${walk.pendingQuestion} ${FLOWCHART_CLASSES.pending}`);
  if (highlighted.length) lines.push(`  linkStyle ${highlighted.join(',')} stroke:#1f6feb,stroke-width:4.5px`);
  // An inferred edge on the path keeps its dashes, long enough that the thick blue line still reads as one.
  const inferredTaken = highlighted.filter((i) => inferred.includes(i));
  if (inferredTaken.length) lines.push(`  linkStyle ${inferredTaken.join(',')} stroke:#1f6feb,stroke-width:4.5px,stroke-dasharray:12 5`);
  return `${lines.join('\n')}\n`;
}

/** The path in words, for the SVG's description and the text list beside the drawing. */
export function describePath(chart: Flowchart, walk: Pick<ChartWalk, 'path' | 'pendingQuestion'> | null): string {
  if (!walk) return `${chart.title}.`;
  const nodes = walk.path.map((id) => chart.nodes.find((n) => n.id === id));
  const labels = nodes.map((n, i) => (n ? displayLabel(n) : walk.path[i]!));
  const end = walk.pendingQuestion ? ' The path stops at an unanswered question.' : '';
  const last = nodes.at(-1);
  const note = last?.kind === 'outcome' && last.deprecation ? ` ${last.deprecation}` : '';
  return `Path taken: ${labels.join(' → ')}.${end}${note}`;
}
