import type { Verdict } from '../engine/assessLink.ts';
import { productShortName } from '../engine/oauth2Readiness.ts';
import { authKindsOf, serverOf, summariseServers, type AuthKind, type ServerSummary } from '../engine/servers.ts';
import type { AssessmentDocument } from '../model/assessmentDocument.ts';
import { SEVERITIES, type Severity } from '../model/vocabulary.ts';
import { escapeHtml } from './escape.ts';

/** The estate map draws at most this many servers; beyond it, it says how many it left out. */
export const MAX_MAP_SERVERS = 50;

/** Oldest first: an edge takes the colour of the oldest authentication any of its links uses (what to migrate first). */
export const MAP_AUTH_ORDER: readonly AuthKind[] = ['trustedApps', 'basic', 'oauth', 'oauth2', 'none'];
export const MAP_AUTH_LABELS: Record<AuthKind, string> = {
  trustedApps: 'Trusted Apps', basic: 'Basic HTTP', oauth: 'OAuth 1.0a', oauth2: 'OAuth 2.0', none: 'No authentication',
};

export interface MapNode {
  server: ServerSummary;
  x: number;
  y: number;
  /** 0 for the server with most links at the centre, then rings outwards. */
  ring: number;
}

export interface MapEdge {
  from: string;
  to: string;
  links: number;
  /** Links on this pair of servers by the oldest authentication each uses. */
  byAuth: Record<AuthKind, number>;
  /** The oldest authentication any link on the pair uses: the edge's colour. */
  auth: AuthKind;
}

export interface EstateMap {
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
  /** Servers not drawn (fewest links) and links with an end on one of them. */
  omitted: { servers: number; links: number };
  /** Links whose two ends are on the same server: counted on the node, not drawn as an edge. */
  sameServer: number;
}

const RING_STEP = 165;
/** Ring k holds 8k servers, so neighbours on every ring are the same distance apart (2π·165/8 ≈ 130 px, more than a label). */
const ringCapacity = (ring: number) => (ring === 0 ? 1 : 8 * ring);
const MARGIN = 110;
/** About 100 px of 12 px text: neighbours on a ring are 130 px apart. The whole name is in the node's tooltip. */
const LABEL_CHARS = 14;
const LEGEND_HEIGHT = 130;
const MIN_WIDTH = 760;

function oldestKind(kinds: Iterable<AuthKind>): AuthKind {
  const set = new Set(kinds);
  return MAP_AUTH_ORDER.find((kind) => set.has(kind)) ?? 'none';
}

const TAU = Math.PI * 2;
const angleDistance = (a: number, b: number) => {
  const d = Math.abs(a - b) % TAU;
  return d > Math.PI ? TAU - d : d;
};

/**
 * Lays the estate out as rings: the server with most links at the centre, the next 8 around it, then 16,
 * 24… Each ring is placed after the inner ones, every server taking the free slot nearest the weighted
 * mean direction of its neighbours already placed (fewer crossings), heaviest ties first. Deterministic:
 * the same links always give the same picture, so exports and reports diff cleanly.
 */
export function layoutEstateMap(
  assessed: ReadonlyArray<{ document: AssessmentDocument; verdict: Verdict }>,
  maxServers = MAX_MAP_SERVERS,
): EstateMap {
  const servers = summariseServers(assessed);
  const drawn = servers.slice(0, maxServers);
  const drawnUrls = new Set(drawn.map((s) => s.url));
  const pairs = new Map<string, MapEdge>();
  let omittedLinks = 0;
  let sameServer = 0;
  for (const { document } of assessed) {
    const { link } = document;
    const a = serverOf(link.local);
    const b = serverOf(link.remote);
    if (!drawnUrls.has(a) || !drawnUrls.has(b)) {
      omittedLinks++;
      continue;
    }
    if (a === b) {
      sameServer++;
      continue;
    }
    const [from, to] = a < b ? [a, b] : [b, a];
    const key = `${from}\n${to}`;
    let edge = pairs.get(key);
    if (!edge) {
      edge = { from, to, links: 0, byAuth: { trustedApps: 0, basic: 0, oauth: 0, oauth2: 0, none: 0 }, auth: 'none' };
      pairs.set(key, edge);
    }
    edge.links++;
    edge.byAuth[oldestKind([...authKindsOf(link.config.local), ...authKindsOf(link.config.remote)])]++;
  }
  const edges = [...pairs.values()].sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
  for (const edge of edges) edge.auth = oldestKind(MAP_AUTH_ORDER.filter((k) => edge.byAuth[k] > 0));

  const weights = new Map<string, Map<string, number>>();
  for (const edge of edges) {
    for (const [x, y] of [[edge.from, edge.to], [edge.to, edge.from]] as const) {
      if (!weights.has(x)) weights.set(x, new Map());
      weights.get(x)!.set(y, edge.links);
    }
  }

  const angles = new Map<string, { ring: number; angle: number }>();
  let rings = 0;
  for (let start = 0, ring = 0; start < drawn.length; start += ringCapacity(ring), ring++) {
    const members = drawn.slice(start, start + ringCapacity(ring));
    rings = ring;
    if (ring === 0) {
      angles.set(members[0]!.url, { ring: 0, angle: 0 });
      continue;
    }
    const slots = Array.from({ length: ringCapacity(ring) }, (_, i) => -Math.PI / 2 + (i + (ring % 2 === 0 ? 0.5 : 0)) * (TAU / ringCapacity(ring)));
    // Spread a partly filled ring evenly rather than bunching it at the top.
    const used = members.length < slots.length ? members.map((_, i) => slots[Math.floor((i * slots.length) / members.length)]!) : slots;
    const free = new Set(used.map((_, i) => i));
    const wishes = members.map((server) => {
      let sx = 0;
      let sy = 0;
      let weight = 0;
      for (const [other, w] of weights.get(server.url) ?? []) {
        const placed = angles.get(other);
        if (!placed || placed.ring === 0) continue;
        sx += Math.cos(placed.angle) * w;
        sy += Math.sin(placed.angle) * w;
        weight += w;
      }
      return { server, weight, angle: weight > 0 && (sx !== 0 || sy !== 0) ? Math.atan2(sy, sx) : null };
    });
    const ordered = [...wishes].sort((x, y) => y.weight - x.weight || x.server.url.localeCompare(y.server.url));
    const unplaced: typeof wishes = [];
    for (const wish of ordered) {
      if (wish.angle === null) {
        unplaced.push(wish);
        continue;
      }
      let best = -1;
      for (const i of free) if (best < 0 || angleDistance(used[i]!, wish.angle) < angleDistance(used[best]!, wish.angle)) best = i;
      free.delete(best);
      angles.set(wish.server.url, { ring, angle: used[best]! });
    }
    const remaining = [...free].sort((x, y) => x - y);
    unplaced.sort((x, y) => drawn.indexOf(x.server) - drawn.indexOf(y.server));
    unplaced.forEach((wish, i) => angles.set(wish.server.url, { ring, angle: used[remaining[i]!]! }));
  }

  const radius = rings * RING_STEP;
  const width = Math.max(MIN_WIDTH, 2 * (radius + MARGIN));
  const centreX = width / 2;
  const centreY = radius + MARGIN - 20;
  const nodes = drawn.map((server) => {
    const { ring, angle } = angles.get(server.url)!;
    return { server, ring, x: round(centreX + Math.cos(angle) * ring * RING_STEP), y: round(centreY + Math.sin(angle) * ring * RING_STEP) };
  });
  return {
    width: round(width), height: round(centreY + radius + MARGIN + LEGEND_HEIGHT), nodes, edges,
    omitted: { servers: servers.length - drawn.length, links: omittedLinks }, sameServer,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** "showing the 50 servers with most links; 23 more not drawn (140 links)": what the map left out, or null. */
export function omissionText(map: EstateMap): string | null {
  if (map.omitted.servers === 0) return null;
  const n = (count: number) => count.toLocaleString('en-GB');
  return `Showing the ${map.nodes.length} servers with most links; ${n(map.omitted.servers)} more not drawn (with the ${n(map.omitted.links)} link${map.omitted.links === 1 ? '' : 's'} that reach them).`;
}

interface Palette {
  background: string; text: string; muted: string; nodeFill: string; nodeStroke: string;
  auth: Record<AuthKind, string>; severity: Record<Severity, string>; severityText: Record<Severity, string>;
}

const PALETTES: Record<'light' | 'dark', Palette> = {
  light: {
    background: '#ffffff', text: '#1b1f24', muted: '#4a525c', nodeFill: '#eef1f5', nodeStroke: '#59636e',
    auth: { trustedApps: '#c62828', basic: '#b35300', oauth: '#1760b8', oauth2: '#2e7d32', none: '#6e7781' },
    severity: { critical: '#b71c1c', high: '#c2410c', medium: '#f2c200', low: '#1760b8', info: '#59636e' },
    severityText: { critical: '#ffffff', high: '#ffffff', medium: '#1b1f24', low: '#ffffff', info: '#ffffff' },
  },
  dark: {
    background: '#1d2125', text: '#e8eaed', muted: '#b4bac2', nodeFill: '#2a2e35', nodeStroke: '#9aa3ad',
    auth: { trustedApps: '#ff6b6b', basic: '#ffab40', oauth: '#6cb2ff', oauth2: '#7ed389', none: '#a0a8b2' },
    severity: { critical: '#ff5252', high: '#ff8a3d', medium: '#ffd54f', low: '#6cb2ff', info: '#a0a8b2' },
    severityText: { critical: '#1c1e22', high: '#1c1e22', medium: '#1c1e22', low: '#1c1e22', info: '#1c1e22' },
  },
};

/** Dash patterns, so the kind of authentication does not rest on colour alone. */
const DASHES: Record<AuthKind, string | null> = { trustedApps: '10 3 2 3', basic: '8 4', oauth: '2 3', oauth2: null, none: '1 5' };
const SEVERITY_LETTER: Record<Severity, string> = { critical: 'C', high: 'H', medium: 'M', low: 'L', info: 'I' };

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function serverTitle(s: ServerSummary): string {
  const auth = MAP_AUTH_ORDER.filter((k) => s.auth[k] > 0).map((k) => `${s.auth[k]} ${MAP_AUTH_LABELS[k]}`).join(', ');
  return `${s.url} — ${productShortName(s.product)}${s.version ? ` ${s.version}` : ''}, ${plural(s.links, 'link')}${auth ? ` (${auth})` : ''}; worst finding: ${s.worstSeverity ?? 'none'}`;
}

/**
 * The map as a standalone SVG document: the same drawing in the app, in an exported file and in the HTML
 * report. Every text is escaped; nothing in it runs or loads anything.
 */
export function estateMapSvg(map: EstateMap, options: { theme?: 'light' | 'dark'; title?: string; fit?: boolean } = {}): string {
  const p = PALETTES[options.theme ?? 'light'];
  const title = options.title ?? 'Estate map';
  const at = new Map(map.nodes.map((n) => [n.server.url, n]));
  // A halo in the background colour keeps labels readable where lines cross them.
  const halo = ` stroke="${p.background}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"`;
  const edges = map.edges.map((e) => {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const width = round(1.5 + Math.min(4, Math.log2(e.links)));
    const dash = DASHES[e.auth] ? ` stroke-dasharray="${DASHES[e.auth]}"` : '';
    const detail = MAP_AUTH_ORDER.filter((k) => e.byAuth[k] > 0).map((k) => `${e.byAuth[k]} ${MAP_AUTH_LABELS[k]}`).join(', ');
    return `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="${p.auth[e.auth]}" stroke-width="${width}"${dash} stroke-linecap="round" data-auth="${e.auth}"><title>${escapeHtml(`${e.from} ↔ ${e.to}: ${plural(e.links, 'link')} (${detail})`)}</title></line>`;
  });
  const nodes = map.nodes.map((n) => {
    const s = n.server;
    const mark = s.worstSeverity
      ? `<circle cx="${n.x + 16}" cy="${n.y - 16}" r="9" fill="${p.severity[s.worstSeverity]}" stroke="${p.background}" stroke-width="1.5"/><text x="${n.x + 16}" y="${n.y - 12}" text-anchor="middle" font-size="11" font-weight="700" fill="${p.severityText[s.worstSeverity]}">${SEVERITY_LETTER[s.worstSeverity]}</text>`
      : '';
    const product = `${productShortName(s.product)}${s.version ? ` ${s.version}` : ''}`;
    return `<g class="server" data-server="${escapeHtml(s.url)}" data-worst="${s.worstSeverity ?? 'none'}"><title>${escapeHtml(serverTitle(s))}</title>`
      + `<circle cx="${n.x}" cy="${n.y}" r="19" fill="${p.nodeFill}" stroke="${p.nodeStroke}" stroke-width="1.5"/>`
      + `<text x="${n.x}" y="${n.y + 4}" text-anchor="middle" font-size="12" font-weight="700" fill="${p.text}">${s.links}</text>${mark}`
      + `<text x="${n.x}" y="${n.y + 36}" text-anchor="middle" font-size="12" font-weight="600" fill="${p.text}"${halo}>${escapeHtml(clip(s.url, LABEL_CHARS))}</text>`
      + `<text x="${n.x}" y="${n.y + 51}" text-anchor="middle" font-size="12" fill="${p.muted}"${halo}>${escapeHtml(clip(product, LABEL_CHARS))}</text></g>`;
  });
  const legendY = map.height - 118;
  let x = 20;
  const authItems = MAP_AUTH_ORDER.map((kind) => {
    const dash = DASHES[kind] ? ` stroke-dasharray="${DASHES[kind]}"` : '';
    const item = `<line x1="${x}" y1="${legendY}" x2="${x + 34}" y2="${legendY}" stroke="${p.auth[kind]}" stroke-width="3"${dash}/><text x="${x + 40}" y="${legendY + 4}" font-size="12" fill="${p.text}">${MAP_AUTH_LABELS[kind]}</text>`;
    x += 50 + MAP_AUTH_LABELS[kind].length * 7;
    return item;
  });
  x = 120;
  const severityItems = SEVERITIES.map((severity) => {
    const item = `<circle cx="${x + 9}" cy="${legendY + 26}" r="9" fill="${p.severity[severity]}"/><text x="${x + 9}" y="${legendY + 30}" text-anchor="middle" font-size="11" font-weight="700" fill="${p.severityText[severity]}">${SEVERITY_LETTER[severity]}</text><text x="${x + 24}" y="${legendY + 30}" font-size="12" fill="${p.text}">${severity}</text>`;
    x += 40 + severity.length * 7;
    return item;
  });
  const notes = [
    'Lines join servers that share links, coloured by the oldest authentication those links use.',
    'In each circle: the number of the server\'s links; beside it, a letter for its worst finding.',
    omissionText(map),
    map.sameServer > 0 ? `${plural(map.sameServer, 'link')} with both ends on one server: counted, not drawn as lines.` : null,
  ].filter((text): text is string => text !== null);
  const noteLines = notes.map((text, i) => `<text x="20" y="${legendY + 56 + i * 16}" font-size="12" fill="${p.muted}"${text === omissionText(map) ? ' class="omitted"' : ''}>${escapeHtml(text)}</text>`);
  const severityLabel = `<text x="20" y="${legendY + 30}" font-size="12" fill="${p.text}">Worst finding:</text>`;
  const empty = map.nodes.length === 0 ? `<text x="${map.width / 2}" y="80" text-anchor="middle" font-size="14" fill="${p.muted}">No links to draw.</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" ${options.fit ? 'width="100%"' : `width="${map.width}" height="${map.height}"`} role="img" aria-labelledby="estate-map-title" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`
    + `<title id="estate-map-title">${escapeHtml(title)}: ${plural(map.nodes.length, 'server')}, ${plural(map.edges.length, 'connection')}</title>`
    + `<rect width="100%" height="100%" fill="${p.background}"/>`
    + `<g class="edges" opacity="0.75">${edges.join('')}</g><g class="nodes">${nodes.join('')}</g>${empty}`
    + `<g class="legend">${authItems.join('')}${severityLabel}${severityItems.join('')}${noteLines.join('')}</g></svg>`;
}

/** The map as a section of the HTML report (light theme, drawn from the report's own links). */
export function estateMapReportSection(links: ReadonlyArray<{ document: AssessmentDocument; verdict: Verdict }>, heading: { level: 2 | 3; id: string } = { level: 2, id: 'estate-map' }): string {
  const map = layoutEstateMap(links);
  if (map.nodes.length === 0) return '';
  const omitted = omissionText(map);
  return `<h${heading.level} id="${escapeHtml(heading.id)}">Estate map</h${heading.level}>\n<p class="muted">${plural(map.nodes.length, 'server')} and the links between them.${omitted ? ` ${escapeHtml(omitted)}` : ''}</p>\n<figure class="estate-map" style="margin:0;break-inside:avoid">${estateMapSvg(map, { theme: 'light', fit: true })}</figure>`;
}
