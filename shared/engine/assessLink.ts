import type { Link } from '../model/link.ts';
import { CURRENT_CHART, DOCUMENTED_CHART, type DecisionNode, type NodeInput, type OutcomeNode, type Recommendation } from '../guidance/flowcharts.ts';
import { RULES, SEVERITIES, STATUS_CHECK_ORDER, type Severity } from '../guidance/rules.ts';
import type { ChecklistId, UpdatePath } from '../guidance/updatePaths.ts';
import { linkFacts, type LinkFacts } from './linkFacts.ts';
import { oauth2Readiness, type OAuth2Readiness } from './oauth2Readiness.ts';
import { recommendedSettings, type RecommendedSettings } from './recommendedSettings.ts';
import { RULE_PREDICATES, type RuleContext } from './rulePredicates.ts';
import { chooseUpdatePath } from './updatePath.ts';
import { chartIndex, walkChart, type ChartWalk } from './walkChart.ts';

/** One rule that fired for a link. */
export interface Finding {
  rule: string;
  code: string;
  severity: Severity;
  title: string;
  message: string;
  remedy: string;
  sources: string[];
  /** The first failing status check in the order of domain §6.3. */
  primary: boolean;
  /** For MISSING_ANSWER: the question the path stops at. */
  node?: string;
}

/** The explainable result of assessing one link. */
export interface Verdict {
  linkId: string;
  recommended: Recommendation;
  /** Node ids on the current chart, START to outcome (or to the unanswered question). */
  path: string[];
  steps: ChartWalk['steps'];
  outcome: string | null;
  pendingQuestion: string | null;
  documented: ChartWalk;
  settings: RecommendedSettings | null;
  findings: Finding[];
  worstSeverity: Severity | null;
  updatePath: UpdatePath['path'] | null;
  oauth2: OAuth2Readiness;
  checklists: ChecklistId[];
}

function resolver(link: Link, facts: LinkFacts, oauth2: OAuth2Readiness) {
  return (input: NodeInput): boolean | null => {
    if (input.from === 'answer') return link.answers[input.key];
    if (input.key === 'bothEndsAtlassianWithApplinks') return facts.bothEndsAtlassianWithApplinks;
    return oauth2.status === 'eligible';
  };
}

function missingAnswer(node: DecisionNode): Finding {
  return {
    rule: 'MISSING_ANSWER', code: 'MISSING_ANSWER', severity: 'info', node: node.id,
    title: `Unanswered: ${node.question}`,
    message: `The recommendation needs an answer to "${node.question}" (${node.id}).`,
    remedy: 'Answer the question in the link editor.', sources: node.sources, primary: false,
  };
}

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((severity, rank) => [severity, rank])) as Record<Severity, number>;

// Each rule with its predicate and its place in the status-check order (domain §6.3), resolved once.
const COMPILED_RULES = RULES.map((rule) => {
  const predicate = RULE_PREDICATES[rule.id];
  if (!predicate) throw new Error(`Rule ${rule.id} has no predicate`);
  const statusRank = STATUS_CHECK_ORDER.indexOf(rule.id);
  return { rule, predicate, statusRank: statusRank === -1 ? Infinity : statusRank };
});

/** Assesses one well-formed link against the guidance data. Pure and total: never throws for valid input. */
export function assessLink(link: Link): Verdict {
  const facts = linkFacts(link);
  const oauth2 = oauth2Readiness(link);
  const resolve = resolver(link, facts, oauth2);
  const walk = walkChart(CURRENT_CHART, resolve);
  const documented = walkChart(DOCUMENTED_CHART, resolve);
  const { byId } = chartIndex(CURRENT_CHART);
  const outcomeNode = walk.outcome === null ? undefined : (byId.get(walk.outcome) as OutcomeNode | undefined);
  const recommended: Recommendation = outcomeNode?.recommendation ?? 'UNDETERMINED';
  // A one-way or external target is reached by removing legacy auth, not by the OAuth update paths.
  const migratesToOAuth = recommended !== 'NONE' && recommended !== 'EXTERNAL';
  const updatePath = link.system || !migratesToOAuth ? null : chooseUpdatePath(link, facts);
  const context: RuleContext = { link, facts, walk, recommendation: recommended, updatePath, oauth2 };

  // Findings are collected per severity so they come out sorted without a sort.
  const bySeverity: Finding[][] = SEVERITIES.map(() => []);
  let primaryRank = STATUS_CHECK_ORDER.length;
  let primary: Finding | null = null;
  for (let i = 0; i < COMPILED_RULES.length; i++) {
    const { rule, predicate, statusRank } = COMPILED_RULES[i]!;
    const result = predicate(context);
    if (!result) continue;
    const finding: Finding = {
      rule: rule.id, code: result.code ?? rule.code, severity: rule.severity, title: rule.title,
      message: result.detail ? `${rule.explanation} ${result.detail}` : rule.explanation,
      remedy: rule.remedy, sources: rule.sources, primary: false,
    };
    if (statusRank < primaryRank) {
      primaryRank = statusRank;
      primary = finding;
    }
    bySeverity[SEVERITY_RANK[rule.severity]]!.push(finding);
  }
  if (primary) {
    primary.primary = true;
    const bucket = bySeverity[SEVERITY_RANK[primary.severity]]!;
    bucket.splice(bucket.indexOf(primary), 1);
    bucket.unshift(primary);
  }
  const pending = walk.pendingQuestion === null ? undefined : (byId.get(walk.pendingQuestion) as DecisionNode | undefined);
  if (pending) bySeverity[SEVERITY_RANK.info]!.push(missingAnswer(pending));
  // Array.prototype.flat is several times slower in V8 than this loop, and this is the engine's hottest line.
  const findings: Finding[] = [];
  for (const bucket of bySeverity) for (const finding of bucket) findings.push(finding);

  const checklists: ChecklistId[] = [];
  if (updatePath !== null) checklists.push('ta-to-oauth');
  if (!link.system && oauth2.status === 'eligible' && facts.usesOAuth1) checklists.push('oauth-to-oauth2');

  return {
    linkId: link.id,
    recommended,
    path: walk.path,
    steps: walk.steps,
    outcome: walk.outcome,
    pendingQuestion: walk.pendingQuestion,
    documented,
    settings: recommendedSettings(link, recommended),
    findings,
    worstSeverity: findings[0]?.severity ?? null,
    updatePath,
    oauth2,
    checklists,
  };
}

