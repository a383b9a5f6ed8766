import { productName } from '../../../../shared/engine/oauth2Readiness.ts';
import type { AuthKind, ServerSummary } from '../../../../shared/engine/servers.ts';
import { MAP_AUTH_LABELS, MAP_AUTH_ORDER } from '../../../../shared/present/estateMap.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** Kinds a migration removes: what "still on" counts. */
const LEGACY: readonly AuthKind[] = ['trustedApps', 'basic'];

/** "Jira 9.12.4: 140 links, 31 still on Trusted Apps, 4 on Basic HTTP" — the server at a glance. */
export function serverHeadline(server: ServerSummary): string {
  const product = `${productName(server.product)}${server.version ? ` ${server.version}` : ''}`;
  const legacy = LEGACY.filter((k) => server.auth[k] > 0).map((k, i) => `${server.auth[k]} ${i === 0 ? 'still ' : ''}on ${MAP_AUTH_LABELS[k]}`);
  const still = legacy.length > 0 ? legacy.join(', ') : 'none on Trusted Apps or Basic HTTP';
  return `${product}: ${plural(server.links, 'link')}, ${still}`;
}

/** Counts by authentication in use, oldest first, leaving out kinds no link uses. */
export const authParts = (server: ServerSummary) => MAP_AUTH_ORDER.filter((k) => server.auth[k] > 0).map((k) => ({ kind: k, count: server.auth[k], label: MAP_AUTH_LABELS[k] }));
