import { DIRECTORY_PRODUCTS, PLAN_RULES, type PlanRuleId } from '../guidance/planRules.ts';
import type { Link } from '../model/link.ts';
import { productName } from './oauth2Readiness.ts';
import type { LinkMigration } from './migrationState.ts';
import { hostOf } from './servers.ts';
import type { AssessedDocument, Wave } from './waves.ts';

/** Something in the plan's order the engine knows to be wrong, with the check's id and the sources behind it. */
export interface OrderProblem {
  rule: PlanRuleId;
  title: string;
  /** The link it is about; absent for a problem of a whole wave. */
  linkId?: string;
  linkName?: string;
  /** The wave it is in (null: unscheduled). */
  window: string | null;
  message: string;
  /** Domain source ids, and the engine's own rule or question id where one decides it (R24, Q_TRUST). */
  sources: string[];
}

const unique = (ids: string[]) => [...new Set(ids)];
const needsMigration = (m: LinkMigration | undefined) => m?.state === 'open' || m?.state === 'planned';

function problem(rule: PlanRuleId, link: Link | null, window: string | null, message: string, sources: readonly string[]): OrderProblem {
  return {
    rule, title: PLAN_RULES[rule].title, ...(link ? { linkId: link.id, linkName: link.name } : {}), window, message,
    sources: unique([...sources]),
  };
}

/** Why a scheduled link's migration cannot start: each locked checklist's reason, as the engine gives it. */
function cannotStart(link: Link, verdict: AssessedDocument['verdict'], window: string): OrderProblem[] {
  if (verdict.blockedBy) {
    const b = verdict.blockedBy;
    return [problem('PLAN02', link, window, `Planned for ${window}, but ${b.code} (${b.rule}) blocks every migration: ${b.title}. ${b.remedy}`, [b.rule, ...b.sources, ...PLAN_RULES.PLAN02.sources])];
  }
  if (verdict.pendingQuestion !== null) {
    return [problem('PLAN03', link, window, `Planned for ${window}, but the target depends on an unanswered question (${verdict.pendingQuestion}): answer it first.`, [verdict.pendingQuestion])];
  }
  const blockers = verdict.oauth2.blockers.filter((b) => b.code !== 'product-unsupported');
  if (blockers.length === 0) return [];
  return blockers.map((b) => {
    const end = link[b.end];
    const where = hostOf(end.baseUrl) ?? `the ${b.end} end`;
    const action = b.code === 'not-https' || b.code === 'https-unknown' ? `Move ${where} to HTTPS` : `Upgrade ${productName(end.product)} at ${where}`;
    return problem('PLAN01', link, window, `Planned for OAuth 2.0 in ${window}, but ${b.message} ${action} before this wave, or move the link to a later one.`, b.sources);
  });
}

/**
 * Order problems of a plan: scheduled links whose migration cannot start yet (an upgrade, a blocking finding,
 * an unanswered question), products planned before the directory they depend on, windows that have passed
 * with the migration unfinished, and waves nobody owns.
 */
export function orderProblems(assessed: readonly AssessedDocument[], migrations: ReadonlyMap<string, LinkMigration>, waves: readonly Wave[], today: string): OrderProblem[] {
  const problems: OrderProblem[] = [];
  for (const { document, verdict } of assessed) {
    const { link } = document;
    const window = link.plan?.window ?? null;
    const migration = migrations.get(link.id);
    if (window === null) continue;
    if (migration?.state === 'planned') problems.push(...cannotStart(link, verdict, window));
    if (window < today && needsMigration(migration)) {
      problems.push(problem('PLAN05', link, window, `The window ${window} has passed and the migration is ${migration!.state === 'open' ? 'still open' : 'not started'}: set a new window or finish it.`, []));
    }
  }
  for (const p of directoryFirst(assessed, migrations)) problems.push(p);
  for (const wave of waves) {
    if (wave.window !== null && wave.owners.length === 0 && wave.links.length > 0) {
      problems.push(problem('PLAN06', null, wave.window, `No link in the wave of ${wave.window} has an owner: give the wave someone to run it.`, []));
    }
  }
  return problems;
}

/**
 * PLAN04: a product whose link to a directory server (Crowd) still needs migrating must not have its other
 * links planned earlier, nor while the directory link has no window. Servers are matched by base URL host;
 * ends without a base URL cannot be matched and are not checked.
 */
function directoryFirst(assessed: readonly AssessedDocument[], migrations: ReadonlyMap<string, LinkMigration>): OrderProblem[] {
  // Per product host and directory host: the directory link that gates the product's other links — the
  // latest planned, or one with no window yet (then nothing of the product may be planned).
  const gates = new Map<string, Map<string, { link: Link; directoryHost: string; window: string | null }>>();
  for (const { document } of assessed) {
    const { link } = document;
    if (!needsMigration(migrations.get(link.id))) continue;
    for (const [directory, product] of [[link.local, link.remote], [link.remote, link.local]] as const) {
      if (!DIRECTORY_PRODUCTS.includes(directory.product) || DIRECTORY_PRODUCTS.includes(product.product)) continue;
      const productHost = hostOf(product.baseUrl);
      const directoryHost = hostOf(directory.baseUrl);
      if (!productHost || !directoryHost) continue;
      const byDirectory = gates.get(productHost) ?? new Map();
      const window = link.plan?.window ?? null;
      const current = byDirectory.get(directoryHost);
      if (!current || (current.window !== null && (window === null || window > current.window))) byDirectory.set(directoryHost, { link, directoryHost, window });
      gates.set(productHost, byDirectory);
    }
  }
  const problems: OrderProblem[] = [];
  if (gates.size === 0) return problems;
  for (const { document } of assessed) {
    const { link } = document;
    const window = link.plan?.window ?? null;
    if (window === null || !needsMigration(migrations.get(link.id))) continue;
    const hosts = [hostOf(link.local.baseUrl), hostOf(link.remote.baseUrl)];
    for (const host of hosts) {
      // One problem per link and host, naming the first gate and counting the others: a host linked to
      // thousands of directories must not give thousands of problems per link (nor overflow the stack).
      const late = [...((host && gates.get(host)?.values()) || [])]
        .filter((gate) => gate.link.id !== link.id && !hosts.includes(gate.directoryHost) && (gate.window === null || gate.window > window));
      const gate = late[0];
      if (!gate) continue;
      const when = gate.window === null ? 'has no window yet' : `is planned for ${gate.window}`;
      const more = late.length - 1;
      problems.push(problem('PLAN04', link, window,
        `Planned for ${window}, but ${host} depends on the directory at ${gate.directoryHost}, and its link "${gate.link.name}" ${when}${more ? ` (and ${more} more directory link${more === 1 ? '' : 's'})` : ''}: migrate the directory link${more ? 's' : ''} first.`,
        PLAN_RULES.PLAN04.sources));
    }
  }
  return problems;
}
