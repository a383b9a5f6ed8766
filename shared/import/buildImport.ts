import { isInventoryValue, validateInventory } from '../model/inventory.ts';
import { parseJsonText } from '../model/jsonText.ts';
import { linkSchema, type Link } from '../model/link.ts';
import { LINK_ID_PATTERN, VERSION_PATTERN, type AuthToken, type Product } from '../model/vocabulary.ts';
import { attributeFile, consumerKeysOf, linkChoices, suggestedFileName, type AttributedBy, type LinkChoice } from './attribution.ts';
import { readCsvLinks } from './csvLinks.ts';
import { normaliseUrl } from './normaliseUrl.ts';
import { productOfType, tokensOfLevels } from './providerClasses.ts';
import { scrubSecrets, type RemovedSecret } from './secrets.ts';
import { scrubText } from './scrubText.ts';
import { readShapeSafely, type ImportProblem, type LinkView, type ServerManifest, type Shape } from './shapes.ts';

/** The tag of the collector's own record of what it asked (written by assets/collector/*). */
export const COLLECTION_FORMAT = 'applink-advisor.collection';

/** One file handed to the importer. `group`: which server it came from (see docs/import.md). */
export interface ImportFile {
  name: string;
  group: string;
  text: string;
}

/** What the importer made of one file. */
export interface FileReport {
  file: string;
  group: string;
  /** What the file was recognised as, e.g. "/rest/applinks/1.0/listApplicationlinks". */
  kind: string;
  links: number;
  secretsRemoved: RemovedSecret[];
  /** For an answer about one link that does not name it: which link it was placed on, and how. */
  attributedTo?: { id: string; name: string | null; by: AttributedBy };
}

/** An answer about one link that could not be placed on one: the user attaches it to a link or leaves it out. */
export interface UnattributedFile {
  file: string;
  group: string;
  endpoint: string;
  reason: string;
  /** A name that would place it by itself. */
  suggestedName: string;
  /** The server's links to choose from. */
  candidates: LinkChoice[];
}

/** The user's answers for files the import could not place (by file name as the preview shows it). */
export interface ImportChoices {
  /** File → the Applinks id of the server's link it is about. */
  attach?: Readonly<Record<string, string>>;
  /** Files to leave out of the import. */
  skip?: readonly string[];
}

/** A link the import produces, with where it came from and what the user should know. */
export interface ImportedLink {
  link: Link;
  sources: string[];
  warnings: string[];
  /** Both ends come from an export (the mirror rule can be checked). */
  bothEnds: boolean;
  /** The id was made up from the server names (not given in an inventory file or spreadsheet). */
  generatedId: boolean;
}

export interface ImportResult {
  files: FileReport[];
  links: ImportedLink[];
  /** Errors: a file that cannot be used. Any error blocks the commit. */
  problems: ImportProblem[];
  /** Files about one link that could not be placed; each blocks the commit until attached or left out. */
  unattributed: UnattributedFile[];
}

interface Server {
  group: string;
  manifest: ServerManifest | null;
  views: Map<string, LinkView>;
}

const tokensOf = (view: LinkView, side: 'outgoing' | 'incoming'): AuthToken[] => {
  const listed = view[side] ?? [];
  const levels = side === 'outgoing' ? view.oauthOutgoing : view.oauthIncoming;
  const oauth = levels ? tokensOfLevels(levels) : listed.filter((t) => t.startsWith('oauth'));
  return [...listed.filter((t) => !t.startsWith('oauth')), ...oauth];
};

const slug = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'link';
const version = (v: string | null) => (v && VERSION_PATTERN.test(v) ? v : undefined);
const url = (v: string | null) => (v && v.length <= 2048 && normaliseUrl(v) ? v.trim().replace(/\/+$/, '') : undefined);

function mergeView(into: LinkView, from: LinkView): void {
  for (const [key, value] of Object.entries(from) as Array<[keyof LinkView, unknown]>) {
    if (key === 'files') into.files = [...new Set([...into.files, ...from.files])];
    else if (key === 'other') into.other = [...new Set([...(into.other ?? []), ...(from.other ?? [])])];
    else if (value !== null && value !== undefined) (into as unknown as Record<string, unknown>)[key] = value;
  }
}

function parseFile(file: ImportFile, problems: ImportProblem[]): { report: FileReport; shape?: Shape; links?: Link[]; consumerKeys?: string[] } {
  const report: FileReport = { file: file.name, group: file.group, kind: 'unreadable', links: 0, secretsRemoved: [] };
  if (/\.csv$/i.test(file.name)) {
    const { links, problems: found, removed } = readCsvLinks(file.text, file.name);
    problems.push(...found);
    return { report: { ...report, kind: 'CSV of links', links: links.length, secretsRemoved: removed }, links };
  }
  const json = parseJsonText(file.text);
  if (!json.ok) {
    problems.push(...json.problems.map((p) => ({ file: file.name, ...p })));
    return { report };
  }
  const { value, removed } = scrubSecrets(json.value);
  report.secretsRemoved = removed;
  if (isInventoryValue(value)) {
    const inventory = validateInventory(value);
    if (!inventory.ok) {
      problems.push(...inventory.problems.map((p) => ({ file: file.name, ...p })));
      return { report: { ...report, kind: 'Applink Advisor inventory' } };
    }
    return { report: { ...report, kind: 'Applink Advisor inventory', links: inventory.value.links.length }, links: inventory.value.links };
  }
  // The collector's own record of what it asked (docs/collecting.md): read, not imported.
  if (value && typeof value === 'object' && (value as { format?: unknown }).format === COLLECTION_FORMAT) return { report: { ...report, kind: 'collector record (what was asked; nothing to import)' } };
  const shape = readShapeSafely(value, file.name);
  if (!shape.ok) {
    problems.push(shape.problem);
    return { report };
  }
  const kind = shape.shape.kind === 'manifest' ? '/rest/applinks/1.0/manifest' : shape.shape.endpoint;
  return { report: { ...report, kind, links: shape.shape.kind === 'links' ? shape.shape.views.length : 0 }, shape: shape.shape, consumerKeys: consumerKeysOf(value) };
}

/**
 * Turns a set of export files into links: each file is read (secrets removed first), grouped by the
 * server it came from, and the two servers' views of one link are matched by application id and
 * URLs into one link with both ends. An answer about one link that does not name it is placed by
 * `attributeFile`, or by the user's `choices`; one that cannot be placed is listed as unattributed.
 * Pure: the same files and choices always give the same result.
 */
// Scrubbed one folder at a time: a whole path read as one run of characters looks like a random key.
const scrubName = (name: string) => name.split(/([/\\])/).map((part) => scrubText(part).text).join('');

export function buildImport(given: readonly ImportFile[], choices: ImportChoices = {}): ImportResult {
  // File names are text from someone else too: they reach the preview and the history's "imported from".
  const files = given.map((f) => ({ ...f, name: scrubName(f.name), group: scrubName(f.group) }));
  const problems: ImportProblem[] = [];
  const reports: FileReport[] = [];
  const servers = new Map<string, Server>();
  const direct: Array<{ link: Link; file: string }> = [];
  const perLinkFiles: Array<{ file: string; group: string; shape: Extract<Shape, { kind: 'oauth-levels' | 'authentication' }>; consumerKeys: string[]; report: FileReport }> = [];
  const unattributed: UnattributedFile[] = [];
  const skipped = new Set(choices.skip ?? []);
  const serverOf = (group: string) => {
    let server = servers.get(group);
    if (!server) servers.set(group, (server = { group, manifest: null, views: new Map() }));
    return server;
  };
  const addView = (server: Server, view: LinkView) => {
    const existing = server.views.get(view.appId);
    if (existing) mergeView(existing, view);
    else server.views.set(view.appId, { ...view });
  };

  for (const file of files) {
    if (skipped.has(file.name)) {
      reports.push({ file: file.name, group: file.group, kind: 'left out (your choice)', links: 0, secretsRemoved: [] });
      continue;
    }
    const { report, shape, links, consumerKeys } = parseFile(file, problems);
    reports.push(report);
    if (links) direct.push(...links.map((link) => ({ link, file: file.name })));
    if (!shape) continue;
    const server = serverOf(file.group);
    if (shape.kind === 'manifest') {
      if (server.manifest) problems.push({ file: file.name, path: '(root)', message: `a second manifest for the files of "${file.group}"; keep one manifest per server (one folder or file-name prefix per server)` });
      else server.manifest = shape.manifest;
    } else if (shape.kind === 'links') for (const view of shape.views) addView(server, view);
    else if (shape.kind === 'status') addView(server, shape.view);
    else perLinkFiles.push({ file: file.name, group: file.group, shape, consumerKeys: consumerKeys ?? [], report });
  }
  const viewLists = new Map<Server, LinkView[]>();
  for (const { file, group, shape, consumerKeys, report } of perLinkFiles) {
    const server = serverOf(group);
    let views = viewLists.get(server);
    if (!views) viewLists.set(server, (views = [...server.views.values()]));
    const chosen = choices.attach?.[file];
    const found = chosen !== undefined
      ? chosenLink(views, chosen)
      : attributeFile(views, server.manifest, group, { fileName: file, consumerNames: shape.kind === 'authentication' ? shape.consumerNames : [], consumerKeys });
    if (found.id === null) {
      if (chosen !== undefined) problems.push({ file, path: '(root)', message: found.reason });
      else unattributed.push({ file, group, endpoint: shape.endpoint, reason: found.reason, suggestedName: suggestedFileName(group, shape.kind), candidates: linkChoices(views) });
      continue;
    }
    const id = found.id;
    const view = server.views.get(id)!;
    report.attributedTo = { id, name: view.name, by: found.by };
    if (shape.kind === 'oauth-levels') mergeView(view, { appId: id, name: null, type: null, displayUrl: null, rpcUrl: null, oauthIncoming: shape.incoming, oauthOutgoing: shape.outgoing, files: [file] });
    else {
      const nonOauthOut = shape.outgoing.filter((t) => !t.startsWith('oauth'));
      const outgoing = view.oauthOutgoing ? nonOauthOut : shape.outgoing;
      mergeView(view, {
        appId: id, name: null, type: null, displayUrl: null, rpcUrl: null, outgoing: [...new Set([...(view.outgoing ?? []).filter((t) => !t.startsWith('oauth') || !view.oauthOutgoing), ...outgoing])],
        ...(shape.incoming ? { incoming: [...new Set([...(view.incoming ?? []).filter((t) => !t.startsWith('oauth')), ...shape.incoming])] } : {}),
        other: shape.other.map((o) => `${o} (outgoing)`), ...(shape.executingTwoLoUser ? { executingTwoLoUser: shape.executingTwoLoUser } : {}), files: [file],
      });
    }
  }

  for (const server of servers.values()) {
    if (server.views.size > 0 && !server.manifest) {
      problems.push({
        file: [...server.views.values()][0]!.files[0]!, path: '(root)',
        message: `no manifest for the server these files of "${server.group}" came from, so its own product and URL are unknown: save /rest/applinks/1.0/manifest beside them, or write ${server.group}.manifest.json as {"typeId": "jira", "url": "https://…", "version": "9.12.4"}`,
      });
    } else if (server.manifest && !server.manifest.product) {
      problems.push({ file: server.group, path: 'typeId', message: `"${server.manifest.type ?? ''}" is not an application type this app knows (jira, confluence, stash, bamboo, fecru, crowd, generic)` });
    }
  }

  const links: ImportedLink[] = [];
  const known = [...servers.values()].filter((s) => s.manifest?.product);
  const points = (view: LinkView, target: Server) =>
    (target.manifest!.id !== null && view.appId === target.manifest!.id) ||
    [normaliseUrl(view.displayUrl), normaliseUrl(view.rpcUrl)].some((u) => u !== null && u === normaliseUrl(target.manifest!.baseUrl));
  const used = new Set<LinkView>();
  for (const a of known.sort((x, y) => x.group.localeCompare(y.group))) {
    for (const view of a.views.values()) {
      if (used.has(view)) continue;
      used.add(view);
      const b = known.find((s) => s !== a && points(view, s)) ?? null;
      const mirror = b ? [...b.views.values()].find((w) => !used.has(w) && points(w, a)) ?? null : null;
      if (mirror) used.add(mirror);
      const built = linkFrom(a, view, b, mirror);
      if ('problem' in built) problems.push(built.problem);
      else links.push(built);
    }
  }
  links.sort((x, y) => x.link.name.localeCompare(y.link.name) || x.link.id.localeCompare(y.link.id));
  const generated = links.length;
  for (const { link, file } of direct) links.push({ link, sources: [file], warnings: [], bothEnds: link.config.remote !== undefined, generatedId: false });
  uniqueIds(links, generated);
  return { files: reports, links, problems, unattributed };
}

function chosenLink(views: readonly LinkView[], chosen: string): { id: string; by: 'your choice' } | { id: null; reason: string } {
  const view = views.find((v) => v.appId === chosen) ?? views.find((v) => v.appId.toLowerCase() === chosen.trim().toLowerCase());
  if (view) return { id: view.appId, by: 'your choice' };
  const offered = linkChoices(views).map((c) => `${c.id}${c.name ? ` (${c.name})` : ''}`).join(', ');
  return { id: null, reason: `attached to link "${chosen}", which is not one of this server's links${offered ? `: choose one of ${offered}` : ' (none were imported)'}` };
}

function endOf(manifest: ServerManifest): Link['local'] {
  return {
    product: manifest.product!, ...(version(manifest.version) ? { version: version(manifest.version) } : {}),
    ...(version(manifest.applinksVersion) ? { applinksVersion: version(manifest.applinksVersion) } : {}),
    ...(url(manifest.baseUrl) ? { baseUrl: url(manifest.baseUrl) } : {}),
  };
}

function linkFrom(a: Server, view: LinkView, b: Server | null, mirror: LinkView | null): ImportedLink | { problem: ImportProblem } {
  const warnings: string[] = [];
  const remoteProduct: Product = b?.manifest?.product ?? productOfType(view.type ?? '') ?? 'generic';
  if (!b && view.type && !productOfType(view.type)) warnings.push(`unknown application type "${view.type}" of the remote end; shown as a generic application`);
  if (b && !mirror) warnings.push(`${b.group}'s export has no link back to ${a.group}: its end is unknown`);
  if (!b) warnings.push('seen from one side only: the remote end\'s configuration is unknown (import its export to reconcile both ends)');
  const other = [...(view.other ?? []), ...(mirror?.other ?? []).map((o) => `${o} on the remote end`)];
  if (other.length) warnings.push(`authentication providers this app does not know, kept as: ${other.join(', ')}`);
  if (view.errorTypeUnknown) warnings.push(`status error type "${view.errorTypeUnknown}" is not one this app knows`);
  const localName = a.manifest!.name ?? a.group;
  const remoteName = b?.manifest?.name ?? view.name ?? view.displayUrl ?? view.appId;
  const candidate = {
    id: slug(`${localName}-${remoteName}`),
    name: `${localName} ↔ ${remoteName}`.slice(0, 200),
    local: endOf(a.manifest!),
    remote: b?.manifest ? endOf(b.manifest) : { product: remoteProduct, ...(url(view.displayUrl) ?? url(view.rpcUrl) ? { baseUrl: url(view.displayUrl) ?? url(view.rpcUrl) } : {}) },
    config: {
      local: { outgoing: tokensOf(view, 'outgoing'), incoming: tokensOf(view, 'incoming') },
      ...(mirror ? { remote: { outgoing: tokensOf(mirror, 'outgoing'), incoming: tokensOf(mirror, 'incoming') } } : {}),
    },
    ...(view.working !== undefined || view.errorType ? { status: { ...(view.working !== undefined ? { working: view.working } : {}), ...(view.errorType ? { errorType: view.errorType } : {}) } } : {}),
    ...(view.system !== undefined ? { system: view.system } : {}),
    ...(view.executingTwoLoUser || other.length ? { observations: { ...(view.executingTwoLoUser ? { twoLoExecutingUser: view.executingTwoLoUser.slice(0, 255) } : {}), ...(other.length ? { otherProviders: other.slice(0, 20).map((o) => o.slice(0, 300)) } : {}) } } : {}),
  };
  const parsed = linkSchema.safeParse(candidate);
  if (!parsed.success) return { problem: { file: view.files[0]!, path: `link ${view.appId}`, message: `cannot make a valid link of it: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` } };
  return { link: parsed.data, sources: [...new Set([...view.files, ...(mirror?.files ?? [])])], warnings, bothEnds: mirror !== null, generatedId: true };
}

// Ids from inventory files and spreadsheets are the user's and stay; generated ones give way with a suffix.
function uniqueIds(links: ImportedLink[], generated: number): void {
  const taken = new Set(links.slice(generated).map((l) => l.link.id));
  for (const item of links.slice(0, generated)) {
    const base = LINK_ID_PATTERN.test(item.link.id) ? item.link.id.slice(0, 120) : 'link';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    if (id !== item.link.id) item.link = { ...item.link, id };
  }
}
