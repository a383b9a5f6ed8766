import type { Link } from '../model/link.ts';
import { CURRENT_CHART, DOCUMENTED_CHART, type DecisionNode, type NodeInput, type OutcomeNode, type Recommendation } from '../guidance/flowcharts.ts';
import { RULES, SEVERITIES, STATUS_CHECK_ORDER, type Rule, type RuleVariant, type Severity } from '../guidance/rules.ts';
import type { ChecklistId, UpdatePath } from '../guidance/updatePaths.ts';
import { linkFacts, type LinkFacts } from './linkFacts.ts';
import { oauth2Readiness, type OAuth2Readiness } from './oauth2Readiness.ts';
import { recommendedSettings, type RecommendedSettings } from './recommendedSettings.ts';
import { RULE_PREDICATES, type RuleContext, type RuleHit } from './rulePredicates.ts';
import { chooseUpdatePath } from './updatePath.ts';
import { chartIndex, walkChartCached, type ChartWalk } from './walkChart.ts';

/** One rule that fired for a link. */
export interface Finding {
  rule: string;
  code: string;
  severity: Severity;
  title: string;
  /** Built on first read (see `finding`). */
  readonly message: string;
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
  /** The documented (Confluence 5.0) outcome is no longer supported: what to do instead. */
  documentedDeprecation: string | null;
  settings: RecommendedSettings | null;
  findings: Finding[];
  worstSeverity: Severity | null;
  updatePath: UpdatePath['path'] | null;
  oauth2: OAuth2Readiness;
  checklists: ChecklistId[];
  /** A finding that blocks every migration checklist (a NETWORK ERROR-category status), or null. */
  blockedBy: { rule: string; code: string; title: string; remedy: string; sources: string[] } | null;
}

function resolver(link: Link, facts: LinkFacts, oauth2: OAuth2Readiness) {
  return (input: NodeInput): boolean | null => {
    if (input.from === 'answer') return link.answers[input.key];
    if (input.key === 'bothEndsAtlassianWithApplinks') return facts.bothEndsAtlassianWithApplinks;
    if (input.key === 'externalOAuth2Client') return facts.externalOAuth2Client;
    return oauth2.status === 'eligible';
  };
}

const trit = (value: boolean | null) => (value === null ? 0 : value ? 1 : 2);
// Every input a chart decision can read, as one number: the key of the remembered walks. Written out
// field by field (reading them by a variable name is several times slower); the check below keeps it
// in step with the answers the model has.
function inputKey(answers: Link['answers'], facts: LinkFacts, oauth2: OAuth2Readiness): number {
  return trit(answers.adminOnRemote) + 3 * trit(answers.mutualTrust) + 9 * trit(answers.sharedUserBase) + 27 * trit(answers.sysadminOnRemote)
    + 81 * trit(facts.bothEndsAtlassianWithApplinks) + 243 * trit(oauth2.status === 'eligible') + 729 * trit(facts.externalOAuth2Client);
}
const KEYED_INPUTS = ['adminOnRemote', 'mutualTrust', 'sharedUserBase', 'sysadminOnRemote', 'bothEndsAtlassianWithApplinks', 'oauth2ProductLinkPossible', 'externalOAuth2Client'];
for (const chart of [CURRENT_CHART, DOCUMENTED_CHART]) {
  for (const node of chart.nodes) {
    if (node.kind === 'decision' && !KEYED_INPUTS.includes(node.input.key)) throw new Error(`inputKey does not cover ${node.input.key} (${chart.id} ${node.id})`);
  }
}

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((severity, rank) => [severity, rank])) as Record<Severity, number>;

/** The words of a rule (or of one of its variants), put together once per rule, not per link. */
interface FindingTemplate {
  rule: string;
  code: string;
  severity: Severity;
  rank: number;
  title: string;
  explanation: string;
  remedy: string;
  sources: string[];
}

function template(rule: Rule, variant?: RuleVariant): FindingTemplate {
  const severity = variant?.severity ?? rule.severity;
  return Object.freeze({
    rule: rule.id, code: variant?.code ?? rule.code, severity, rank: SEVERITY_RANK[severity], title: variant?.title ?? rule.title,
    explanation: variant?.explanation ?? rule.explanation, remedy: variant?.remedy ?? rule.remedy,
    sources: Object.freeze([...(variant?.sources ?? rule.sources)]) as string[],
  });
}

// Each rule with its predicate, its templates and its place in the status-check order (domain §6.3), resolved once.
const COMPILED_RULES = RULES.map((rule, index) => {
  const predicate = RULE_PREDICATES[rule.id];
  if (!predicate) throw new Error(`Rule ${rule.id} has no predicate`);
  const statusRank = STATUS_CHECK_ORDER.indexOf(rule.id);
  const variants = new Map(Object.entries(rule.variants ?? {}).map(([name, v]) => [name, template(rule, v)]));
  return { rule, index, predicate, statusRank: statusRank === -1 ? Infinity : statusRank, base: template(rule), variants, blocks: rule.blocksMigration === true };
});
type CompiledRule = (typeof COMPILED_RULES)[number];
// Rules that read the status, observations or features run only for links that have them.
const RULES_BY_INPUT = {
  always: COMPILED_RULES.filter((c) => c.rule.reads === undefined),
  status: COMPILED_RULES.filter((c) => c.rule.reads === 'status'),
  observations: COMPILED_RULES.filter((c) => c.rule.reads === 'observations'),
  features: COMPILED_RULES.filter((c) => c.rule.reads === 'features'),
};
const CURRENT_BY_ID = chartIndex(CURRENT_CHART).byId;
const DOCUMENTED_BY_ID = chartIndex(DOCUMENTED_CHART).byId;

// The message (the rule's explanation plus what is specific to this link) is put together only when
// something reads it: assessing 10,000 links for a table or a count never builds those texts. `toJSON`
// writes it like any other field.
class RuleFinding implements Finding {
  rule: string;
  code: string;
  severity: Severity;
  title: string;
  remedy: string;
  sources: string[];
  primary = false;
  #explanation: string;
  #detail: RuleHit['detail'];
  #context: RuleContext;
  #message: string | undefined = undefined;

  constructor(t: FindingTemplate, detail: RuleHit['detail'], code: string | undefined, context: RuleContext) {
    this.rule = t.rule;
    this.code = code ?? t.code;
    this.severity = t.severity;
    this.title = t.title;
    this.remedy = t.remedy;
    this.sources = t.sources;
    this.#explanation = t.explanation;
    this.#detail = detail;
    this.#context = context;
  }

  get message(): string {
    if (this.#message === undefined) {
      const detail = typeof this.#detail === 'function' ? this.#detail(this.#context) : this.#detail;
      this.#message = detail ? `${this.#explanation} ${detail}` : this.#explanation;
    }
    return this.#message;
  }

  toJSON(): Finding {
    return { rule: this.rule, code: this.code, severity: this.severity, title: this.title, message: this.message, remedy: this.remedy, sources: this.sources, primary: this.primary };
  }
}

const missingAnswers = new Map<string, Finding>();
function missingAnswer(node: DecisionNode): Finding {
  let found = missingAnswers.get(node.id);
  if (!found) {
    found = Object.freeze({
      rule: 'MISSING_ANSWER', code: 'MISSING_ANSWER', severity: 'info' as const, node: node.id,
      title: `Unanswered: ${node.question}`,
      message: `The recommendation needs an answer to "${node.question}" (${node.id}).`,
      remedy: 'Answer the question in the link editor.', sources: node.sources, primary: false,
    });
    missingAnswers.set(node.id, found);
  }
  return found;
}

/** Assesses one well-formed link against the guidance data. Pure and total: never throws for valid input. */
export function assessLink(link: Link): Verdict {
  const facts = linkFacts(link);
  const oauth2 = oauth2Readiness(link, facts.localInfo, facts.remoteInfo);
  const resolve = resolver(link, facts, oauth2);
  const key = inputKey(link.answers, facts, oauth2);
  const walk = walkChartCached(CURRENT_CHART, key, resolve);
  const documented = walkChartCached(DOCUMENTED_CHART, key, resolve);
  const outcomeNode = walk.outcome === null ? undefined : (CURRENT_BY_ID.get(walk.outcome) as OutcomeNode | undefined);
  const recommended: Recommendation = outcomeNode?.recommendation ?? 'UNDETERMINED';
  // A one-way or external target is reached by removing legacy auth, not by the OAuth update paths.
  const migratesToOAuth = recommended !== 'NONE' && recommended !== 'EXTERNAL';
  const updatePath = link.system || !migratesToOAuth ? null : chooseUpdatePath(link, facts);
  const context: RuleContext = {
    link, errorType: link.status?.errorType, system: link.system === true, answers: link.answers, observations: link.observations,
    features: link.features, facts, walk, recommendation: recommended, updatePath, oauth2,
  };

  const findings: Finding[] = [];
  const order: number[] = [];
  const state: Evaluation = { primaryRank: STATUS_CHECK_ORDER.length, primary: null, blockedBy: null };
  evaluate(RULES_BY_INPUT.always, context, findings, order, state);
  if (context.errorType !== undefined) evaluate(RULES_BY_INPUT.status, context, findings, order, state);
  if (context.observations !== undefined) evaluate(RULES_BY_INPUT.observations, context, findings, order, state);
  if (context.features !== undefined && context.features.length > 0) evaluate(RULES_BY_INPUT.features, context, findings, order, state);
  const { primary, blockedBy } = state;
  if (primary) primary.primary = true;
  // Most severe first; a missing answer that stops the verdict before every info finding (issue 15 point 13);
  // the primary finding first among the rest of its severity. Insertion sort: a link has a handful of findings.
  const pending = walk.pendingQuestion === null ? undefined : (CURRENT_BY_ID.get(walk.pendingQuestion) as DecisionNode | undefined);
  if (pending) {
    findings.push(missingAnswer(pending));
    order.push(COMPILED_RULES.length);
  }
  if (findings.length > 1) {
    const keys = findings.map((f, i) => sortKey(f) * 64 + order[i]!);
    for (let i = 1; i < findings.length; i++) {
      const f = findings[i]!;
      const key = keys[i]!;
      let j = i - 1;
      while (j >= 0 && keys[j]! > key) {
        findings[j + 1] = findings[j]!;
        keys[j + 1] = keys[j]!;
        j--;
      }
      findings[j + 1] = f;
      keys[j + 1] = key;
    }
  }

  const checklists: ChecklistId[] = [];
  if (!link.system && facts.legacy && migratesToOAuth && (updatePath !== null || facts.localApplinks52 === false)) checklists.push('ta-to-oauth');
  // A link still on Trusted Apps or Basic whose ends are both eligible is planned on to OAuth 2.0 (issue 15 point 10).
  if (!link.system && recommended === 'OAUTH2' && (facts.usesOAuth1 || facts.legacy)) checklists.push('oauth-to-oauth2');

  const documentedNode = documented.outcome === null ? undefined : DOCUMENTED_BY_ID.get(documented.outcome);

  return {
    linkId: link.id,
    recommended,
    path: walk.path,
    steps: walk.steps,
    outcome: walk.outcome,
    pendingQuestion: walk.pendingQuestion,
    documented,
    documentedDeprecation: (documentedNode?.kind === 'outcome' && documentedNode.deprecation) || null,
    settings: recommendedSettings(link, recommended),
    findings,
    worstSeverity: findings[0]?.severity ?? null,
    updatePath,
    oauth2,
    checklists,
    blockedBy: blockedBy === null ? null : { rule: blockedBy.rule, code: blockedBy.code, title: blockedBy.title, remedy: blockedBy.remedy, sources: blockedBy.sources },
  };
}

interface Evaluation { primaryRank: number; primary: Finding | null; blockedBy: Finding | null }

function evaluate(rules: readonly CompiledRule[], context: RuleContext, findings: Finding[], order: number[], state: Evaluation): void {
  for (let i = 0; i < rules.length; i++) {
    const compiled = rules[i]!;
    const result = compiled.predicate(context);
    if (!result) continue;
    const t = (result.variant !== undefined && compiled.variants.get(result.variant)) || compiled.base;
    const f: Finding = new RuleFinding(t, result.detail, result.code, context);
    if (compiled.statusRank < state.primaryRank) {
      state.primaryRank = compiled.statusRank;
      state.primary = f;
    }
    if (compiled.blocks && state.blockedBy === null) state.blockedBy = f;
    findings.push(f);
    order.push(compiled.index);
  }
}

// Severity rank, then: a missing answer (it stops the verdict: before every info finding), then the primary finding.
function sortKey(f: Finding): number {
  return SEVERITY_RANK[f.severity] * 4 + (f.rule === 'MISSING_ANSWER' ? 0 : f.primary ? 1 : 2);
}
