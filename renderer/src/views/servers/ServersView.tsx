import { useMemo } from 'react';
import { summariseServers } from '../../../../shared/engine/servers.ts';
import { useUi } from '../../state/ui.ts';
import { FilterBar } from '../inventory/FilterBar.tsx';
import { ServerFilterChip } from '../inventory/ServerFilterChip.tsx';
import { EstateMapPanel } from './EstateMapPanel.tsx';
import { ServersTable } from './ServersTable.tsx';
import { useFilteredRows } from './useFilteredRows.ts';
import './servers.css';

/** The estate by server (#17): a table or a map of the links the inventory's filters keep. */
export function ServersView({ tab }: { tab: 'table' | 'map' }) {
  const filters = useUi((s) => s.filters);
  const setFilters = useUi((s) => s.setFilters);
  const navigate = useUi((s) => s.navigate);
  const { all, rows } = useFilteredRows();
  const servers = useMemo(() => summariseServers(rows.map((r) => ({ document: r.document, verdict: r.verdict }))), [rows]);
  const showLinksOf = (server: string) => {
    setFilters({ server });
    navigate({ view: 'inventory' });
  };

  return (
    <section aria-labelledby="servers-heading" className="servers">
      <header className="view-header">
        <h1 id="servers-heading">Servers</h1>
        <p className="muted" role="status">{servers.length} {servers.length === 1 ? 'server' : 'servers'}, {rows.length} of {all.length} links</p>
        <nav aria-label="Servers as" className="segmented-nav">
          <button type="button" aria-current={tab === 'table' ? 'page' : undefined} onClick={() => navigate({ view: 'servers', tab: 'table' })}>Table</button>
          <button type="button" aria-current={tab === 'map' ? 'page' : undefined} onClick={() => navigate({ view: 'servers', tab: 'map' })}>Map</button>
        </nav>
      </header>
      {all.length > 0 && <FilterBar filters={filters} onChange={setFilters} />}
      <ServerFilterChip server={filters.server} onRemove={() => setFilters({ server: '' })} />
      {all.length === 0 ? (
        <p className="empty">No links yet: add or import links in the Inventory and their servers appear here.</p>
      ) : rows.length === 0 ? (
        <p className="empty">No link matches these filters.</p>
      ) : tab === 'map' ? (
        <EstateMapPanel rows={rows} onSelect={showLinksOf} />
      ) : (
        <>
          <p className="muted">Each link counts once on the server of each of its ends. Choose a server to see its links in the inventory.</p>
          <ServersTable servers={servers} onSelect={(server) => showLinksOf(server.url)} />
        </>
      )}
    </section>
  );
}
