import { SEVERITIES } from '../../../../shared/guidance/rules.ts';
import { productName } from '../../../../shared/engine/oauth2Readiness.ts';
import { PRODUCTS } from '../../../../shared/model/vocabulary.ts';
import { OAUTH2_LABELS } from '../../../../shared/present/labels.ts';
import { NO_FILTERS, type AuthFilter, type InventoryFilters, type TriageFilter } from '../../state/ui.ts';

const AUTH_FILTERS: Record<AuthFilter, string> = {
  trustedApps: 'Uses Trusted Apps', basic: 'Uses Basic HTTP', oauth: 'Uses OAuth (no impersonation)',
  impersonation: 'Uses OAuth (impersonation)', oauth2: 'Uses OAuth 2.0', none: 'No authentication',
};

const TRIAGE_FILTERS: Record<TriageFilter, string> = {
  open: 'Has open findings', accepted: 'Has accepted risks', 'false-positive': 'Has false positives',
  pending: 'Has fixes awaiting verification', expired: 'Has expired decisions',
};

/** The search box and the select filters above the inventory grid. */
export function FilterBar({ filters, onChange }: { filters: InventoryFilters; onChange(f: Partial<InventoryFilters>): void }) {
  const select = <K extends 'product' | 'auth' | 'severity' | 'readiness' | 'triage'>(key: K, label: string, options: Array<[string, string]>) => (
    <div className="filter">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={filters[key]} onChange={(e) => onChange({ [key]: e.target.value } as Partial<InventoryFilters>)}>
        <option value="">Any</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </div>
  );
  return (
    <div className="filters" role="search">
      <div className="filter">
        <label htmlFor="inventory-search">Search</label>
        <input id="inventory-search" type="search" value={filters.text} placeholder="Name, product, URL, notes" onChange={(e) => onChange({ text: e.target.value })} />
      </div>
      {select('product', 'Product', PRODUCTS.map((p) => [p, productName(p)]))}
      {select('auth', 'Authentication', Object.entries(AUTH_FILTERS))}
      {select('severity', 'Worst finding', SEVERITIES.map((s) => [s, s]))}
      {select('readiness', 'OAuth 2.0', Object.entries(OAUTH2_LABELS))}
      {select('triage', 'Triage', Object.entries(TRIAGE_FILTERS))}
      <button type="button" onClick={() => onChange(NO_FILTERS)}>Clear filters</button>
    </div>
  );
}
