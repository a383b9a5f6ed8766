import { create } from 'zustand';
import type { Severity } from '../../../shared/guidance/rules.ts';
import type { OAuth2Status } from '../../../shared/engine/oauth2Readiness.ts';
import type { Recommendation } from '../../../shared/guidance/flowcharts.ts';
import type { Product } from '../../../shared/model/link.ts';

export type Route = { view: 'inventory' } | { view: 'changes' } | { view: 'plan' } | { view: 'link'; id: string; tab?: LinkTab } | { view: 'servers'; tab: 'table' | 'map' };
/** A part of the link view a route can scroll to (`#/link/ID/flowchart`). */
export type LinkTab = 'flowchart';
export type AuthFilter = 'trustedApps' | 'basic' | 'oauth' | 'impersonation' | 'oauth2' | 'none';
/** Links with at least one finding in that triage state (an expired decision is open again, and flagged). */
export type TriageFilter = 'open' | 'accepted' | 'false-positive' | 'pending' | 'expired';

export interface InventoryFilters {
  text: string;
  product: Product | '';
  severity: Severity | '';
  auth: AuthFilter | '';
  readiness: OAuth2Status | '';
  recommendation: Recommendation | '';
  /** A server (host, as the Servers view names it) the links must have an end on. */
  server: string;
  triage: TriageFilter | '';
}

export const NO_FILTERS: InventoryFilters = { text: '', product: '', severity: '', auth: '', readiness: '', recommendation: '', server: '', triage: '' };

function routeFromHash(hash: string): Route {
  if (hash === '#/changes') return { view: 'changes' };
  if (hash === '#/plan') return { view: 'plan' };
  if (hash === '#/servers' || hash === '#/servers/map') return { view: 'servers', tab: hash === '#/servers' ? 'table' : 'map' };
  const match = /^#\/link\/([A-Za-z0-9._-]+)(\/flowchart)?$/.exec(hash);
  if (!match) return { view: 'inventory' };
  return match[2] ? { view: 'link', id: decodeURIComponent(match[1]!), tab: 'flowchart' } : { view: 'link', id: decodeURIComponent(match[1]!) };
}

interface UiState {
  route: Route;
  filters: InventoryFilters;
  selection: ReadonlySet<string>;
  chart: 'current' | 'documented';
  shortcutsOpen: boolean;
  /** Text typed into a field that is not valid yet, kept so no keystroke is lost: `${linkId}:${field}`. */
  drafts: Readonly<Record<string, string>>;
  navigate(route: Route): void;
  setFilters(filters: Partial<InventoryFilters>): void;
  setSelection(ids: Iterable<string>): void;
  toggleSelected(id: string): void;
  setChart(chart: 'current' | 'documented'): void;
  setShortcutsOpen(open: boolean): void;
  setDraft(key: string, text: string | null): void;
}

/** What the user is looking at. The route lives in the URL hash, so a reload returns to the same link. */
export const useUi = create<UiState>((set, get) => ({
  route: routeFromHash(window.location.hash),
  filters: NO_FILTERS,
  selection: new Set(),
  chart: 'current',
  shortcutsOpen: false,
  drafts: {},
  navigate(route) {
    const hash = route.view === 'servers' ? (route.tab === 'map' ? '#/servers/map' : '#/servers')
      : route.view === 'link' ? `#/link/${encodeURIComponent(route.id)}${route.tab === 'flowchart' ? '/flowchart' : ''}`
      : route.view === 'changes' ? '#/changes' : route.view === 'plan' ? '#/plan' : '#/';
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ route });
  },
  setFilters(filters) {
    set({ filters: { ...get().filters, ...filters } });
  },
  setSelection(ids) {
    set({ selection: new Set(ids) });
  },
  toggleSelected(id) {
    const selection = new Set(get().selection);
    if (selection.has(id)) selection.delete(id);
    else selection.add(id);
    set({ selection });
  },
  setChart(chart) {
    set({ chart });
  },
  setShortcutsOpen(open) {
    set({ shortcutsOpen: open });
  },
  setDraft(key, text) {
    const drafts = { ...get().drafts };
    if (text === null) delete drafts[key];
    else drafts[key] = text;
    set({ drafts });
  },
}));

window.addEventListener('popstate', () => useUi.setState({ route: routeFromHash(window.location.hash) }));
