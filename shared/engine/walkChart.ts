import type { Flowchart, FlowNode, NodeInput } from '../guidance/flowcharts.ts';

/** One answered question on the way through a chart. */
export interface ChartStep {
  node: string;
  answer: 'yes' | 'no';
}

/** Where a link's answers lead through a chart. */
export interface ChartWalk {
  /** Node ids from START to the outcome, or to the first unanswered question. */
  path: string[];
  steps: ChartStep[];
  /** The outcome node reached, or null when a question is unanswered. */
  outcome: string | null;
  /** The unanswered question the path stops at, or null. */
  pendingQuestion: string | null;
}

/**
 * Follows a chart from its start node, asking `resolve` for each decision's answer.
 * Total for well-formed charts: the guidance tests check every decision has a yes and a no edge.
 */
interface ChartIndex {
  start: FlowNode | undefined;
  byId: Map<string, FlowNode>;
  /** For each node: where its yes, no or unconditional edge leads. */
  next: Map<string, { yes?: string; no?: string; always?: string }>;
}
const indexes = new WeakMap<Flowchart, ChartIndex>();

/** Node and edge lookups of a chart, built once per chart. */
export function chartIndex(chart: Flowchart): ChartIndex {
  let index = indexes.get(chart);
  if (!index) {
    index = {
      start: chart.nodes.find((n) => n.kind === 'start'),
      byId: new Map(chart.nodes.map((node) => [node.id, node])),
      next: new Map(chart.nodes.map((node) => [node.id, Object.fromEntries(chart.edges.filter((e) => e.from === node.id).map((e) => [e.answer ?? 'always', e.to]))])),
    };
    indexes.set(chart, index);
  }
  return index;
}

export function walkChart(chart: Flowchart, resolve: (input: NodeInput) => boolean | null): ChartWalk {
  const { start, byId, next } = chartIndex(chart);
  const path: string[] = [];
  const steps: ChartStep[] = [];
  let node: FlowNode | undefined = start;
  while (node && path.length <= chart.nodes.length) {
    path.push(node.id);
    if (node.kind === 'outcome') return { path, steps, outcome: node.id, pendingQuestion: null };
    let answer: 'yes' | 'no' | null = null;
    if (node.kind === 'decision') {
      const value = resolve(node.input);
      if (value === null) return { path, steps, outcome: null, pendingQuestion: node.id };
      answer = value ? 'yes' : 'no';
      steps.push({ node: node.id, answer });
    }
    const to = next.get(node.id)?.[answer ?? 'always'];
    node = to === undefined ? undefined : byId.get(to);
  }
  throw new Error(`Flowchart ${chart.id} is malformed near ${path.at(-1) ?? 'START'}`);
}

const walks = new WeakMap<Flowchart, Map<number, ChartWalk>>();

/**
 * `walkChart`, remembered under `key`: the caller guarantees that equal keys resolve every decision of the
 * chart alike (see `assessLink`, which numbers the answers and derived facts). A chart has a few
 * decisions, so an estate of thousands of links takes a handful of distinct walks; the walk returned is
 * shared and frozen.
 */
export function walkChartCached(chart: Flowchart, key: number, resolve: (input: NodeInput) => boolean | null): ChartWalk {
  let cache = walks.get(chart);
  if (!cache) walks.set(chart, (cache = new Map()));
  let walk = cache.get(key);
  if (!walk) {
    const result = walkChart(chart, resolve);
    walk = Object.freeze({ ...result, path: Object.freeze(result.path) as string[], steps: Object.freeze(result.steps.map((s) => Object.freeze(s))) as ChartStep[] });
    cache.set(key, walk);
  }
  return walk;
}
