/** The server chosen in the Servers view, as a chip above the grid: visible while it filters, removable. */
export function ServerFilterChip({ server, onRemove }: { server: string; onRemove(): void }) {
  if (!server) return null;
  return (
    <div className="filter-chips" role="group" aria-label="Active server filter">
      <span className="filter-chip">
        <span>Server: <strong>{server}</strong></span>
        <button type="button" aria-label={`Remove the server filter ${server}`} title="Remove this filter" onClick={onRemove}>×</button>
      </span>
    </div>
  );
}
