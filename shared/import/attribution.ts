import { productOfType } from './providerClasses.ts';
import type { LinkView, ServerManifest } from './shapes.ts';

/** One of a server's links, offered when a file cannot be placed. */
export interface LinkChoice {
  id: string;
  name: string | null;
  url: string | null;
}

/** How a per-link file was matched to its link. */
export type AttributedBy = 'link id in its name' | 'OAuth consumer' | 'file name' | 'your choice';

export type Attribution = { id: string; by: AttributedBy } | { id: null; reason: string };

/** What is known of a per-link answer (status/{id}/oauth, applicationlink/{id}/authentication…) that names no link. */
export interface PerLinkEvidence {
  /** The file's name, folders included (`exports/jira/authentication-radiator.json`). */
  fileName: string;
  consumerNames: readonly string[];
  consumerKeys: readonly string[];
}

// Words of a file name that say which endpoint it came from, not which link it is about.
const ENDPOINT_WORDS = new Set([
  'authentication', 'auth', 'provider', 'providers', 'status', 'oauth', 'levels', 'applicationlink', 'applicationlinks', 'applink', 'applinks',
  'link', 'links', 'consumer', 'consumers', 'json', 'rest', 'api', 'latest', 'config', 'incoming', 'outgoing', 'export', 'answer', 'get',
]);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const indexes = new WeakMap<readonly LinkView[], Map<string, LinkView>>();
const idIndex = (views: readonly LinkView[]) => {
  let index = indexes.get(views);
  if (!index) indexes.set(views, (index = new Map(views.map((v) => [v.appId.toLowerCase(), v]))));
  return index;
};
const words = (text: string | null | undefined): string[] =>
  (text ?? '').normalize('NFKD').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !/^\d+$/.test(w));
const hostWords = (url: string | null | undefined): string[] => {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url ?? '')?.[1];
  return host ? words(host.replace(/\./g, ' ')) : [];
};
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const label = (v: LinkView) => v.name ?? v.displayUrl ?? v.appId;

/** The server's links, as choices for a file that could not be placed. */
export function linkChoices(views: Iterable<LinkView>): LinkChoice[] {
  return [...views].map((v) => ({ id: v.appId, name: v.name, url: v.displayUrl ?? v.rpcUrl })).sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
}

/** The OAuth consumer keys of an authentication answer (incoming consumers only), read from its JSON. */
export function consumerKeysOf(json: unknown): string[] {
  const consumers = json && typeof json === 'object' && !Array.isArray(json) ? (json as { consumers?: unknown }).consumers : undefined;
  if (!Array.isArray(consumers)) return [];
  return consumers.flatMap((c) => (c && typeof c === 'object' && (c as { outgoing?: unknown }).outgoing !== true && typeof (c as { key?: unknown }).key === 'string' ? [(c as { key: string }).key] : []));
}

/**
 * Which of a server's links an answer without a link id is about, in this order (docs/import.md):
 * a link id in its file or folder name; a unique match of its OAuth consumer (by name, by a key holding
 * the link id, or by the application type a key starts with) with one link; a unique best match of the
 * words of its file name with one link's name, host or type (`authentication-radiator.json` ↔ "Build
 * radiator"). Otherwise none, with the reason in plain words.
 */
export function attributeFile(views: readonly LinkView[], manifest: ServerManifest | null, group: string, evidence: PerLinkEvidence): Attribution {
  if (views.length === 0) return { id: null, reason: `no list of the server's links was imported with it (add its /rest/applinks/1.0/listApplicationlinks or 3.0/applinks answer)` };
  const name = evidence.fileName.toLowerCase();
  // Applinks ids are UUIDs: look those up first, so a collector's folder of thousands of files is not
  // scanned link by link for each file; any other id is found by the scan below.
  const uuids = [...new Set(name.match(UUID) ?? [])];
  const byUuid = uuids.length === 1 ? idIndex(views).get(uuids[0]!) : undefined;
  const byId = byUuid ? [byUuid] : views.filter((v) => name.includes(v.appId.toLowerCase()));
  if (byId.length === 1) return { id: byId[0]!.appId, by: 'link id in its name' };

  const byConsumer = views.filter((v) =>
    (v.name !== null && evidence.consumerNames.some((n) => same(n, v.name!))) || evidence.consumerKeys.some((k) => k.toLowerCase().includes(v.appId.toLowerCase())));
  if (byConsumer.length === 1) return { id: byConsumer[0]!.appId, by: 'OAuth consumer' };
  if (byConsumer.length === 0) {
    // Applinks consumer keys start with the consumer's application type ("jira:1234567").
    const types = new Set(evidence.consumerKeys.map((k) => productOfType(k.split(':')[0] ?? '')).filter((p) => p !== null));
    const byType = types.size ? views.filter((v) => v.type && types.has(productOfType(v.type)!)) : [];
    if (byType.length === 1) return { id: byType[0]!.appId, by: 'OAuth consumer' };
  }

  const base = evidence.fileName.split('/').pop()!.replace(/\.[a-z0-9]+$/i, '');
  const own = new Set([...words(group), ...words(manifest?.name), ...hostWords(manifest?.baseUrl), ...(manifest?.type ? words(manifest.type) : [])]);
  const tokens = [...new Set(words(base))].filter((w) => !ENDPOINT_WORDS.has(w) && !own.has(w));
  const scored = views.map((v) => {
    const nameWords = words(v.name);
    const known = new Set([...nameWords, nameWords.join(''), ...hostWords(v.displayUrl), ...hostWords(v.rpcUrl), ...words(v.type), ...(v.type && productOfType(v.type) ? [productOfType(v.type)!] : [])]);
    return { view: v, score: tokens.filter((t) => known.has(t)).length };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best && best > 0);
  if (top.length === 1) return { id: top[0]!.view.appId, by: 'file name' };

  if (byId.length > 1) return { id: null, reason: `its name holds the ids of ${byId.length} links (${byId.map(label).join(', ')})` };
  if (byConsumer.length > 1) return { id: null, reason: `its OAuth consumer matches ${byConsumer.length} links (${byConsumer.map(label).join(', ')})` };
  if (top.length > 1) return { id: null, reason: `its file name matches ${top.length} links equally (${top.map((s) => label(s.view)).join(', ')})` };
  return { id: null, reason: 'neither its name nor its content names one of the server\'s links' };
}

/** The file name that would place a per-link answer by itself, e.g. `jira.authentication.<link id>.json`. */
export function suggestedFileName(group: string, kind: 'oauth-levels' | 'authentication'): string {
  return `${group}.${kind === 'oauth-levels' ? 'oauth' : 'authentication'}.<link id>.json`;
}
