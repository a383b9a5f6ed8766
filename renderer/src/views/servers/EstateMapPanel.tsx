import { useEffect, useMemo, useRef, useState } from 'react';
import { messageOf } from '../../../../shared/model/messageOf.ts';
import { estateMapSvg, layoutEstateMap, omissionText } from '../../../../shared/present/estateMap.ts';
import { call } from '../../api.ts';
import { svgElementFrom, svgToPngBase64 } from '../../lib/mermaidRenderer.ts';
import { useDarkMode } from '../../lib/useDarkMode.ts';
import type { InventoryRow } from '../inventory/inventoryRows.ts';

/** Up to this many servers the map opens fitted to the window (beyond, its labels would be too small to read). */
const FIT_BY_DEFAULT = 20;

/**
 * The estate map of the links the filters keep (shared/present/estateMap.ts draws it, as in the report);
 * a click on a server shows its links in the inventory; exports as SVG or PNG through the save dialog.
 */
export function EstateMapPanel({ rows, onSelect }: { rows: InventoryRow[]; onSelect(server: string): void }) {
  const dark = useDarkMode();
  const holder = useRef<HTMLDivElement>(null);
  const [fitChosen, setFit] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const map = useMemo(() => layoutEstateMap(rows.map((r) => ({ document: r.document, verdict: r.verdict }))), [rows]);
  // A small estate fits the window and stays readable; a large one opens at full size, centred on the busiest server, until the user chooses.
  const fit = fitChosen ?? map.nodes.length <= FIT_BY_DEFAULT;
  const svg = useMemo(() => estateMapSvg(map, { theme: dark ? 'dark' : 'light' }), [map, dark]);
  const omitted = omissionText(map);

  useEffect(() => {
    if (!holder.current) return;
    const element = svgElementFrom(svg);
    holder.current.replaceChildren(element);
  }, [svg]);

  // The server with most links is at the centre: start there when the map is taller than its frame.
  useEffect(() => {
    const frame = holder.current;
    const centre = map.nodes[0];
    if (!frame || !centre) return;
    const shown = frame.querySelector('svg')?.getBoundingClientRect().width;
    const scale = shown ? shown / map.width : 1;
    frame.scrollTop = Math.max(0, centre.y * scale - frame.clientHeight / 2);
  }, [map, fit]);

  async function exportAs(format: 'svg' | 'png') {
    const element = holder.current?.querySelector('svg');
    if (!element) return;
    setMessage('Exporting…');
    try {
      const suggestedName = `estate-map.${format}`;
      const result = format === 'svg'
        ? await call('export.save', { suggestedName, format, text: svg })
        : await call('export.save', { suggestedName, format, base64: await svgToPngBase64(element, 1.5) });
      setMessage(result.saved ? `Saved ${result.path}` : 'Export cancelled.');
    } catch (error) {
      setMessage(`Export failed: ${messageOf(error)}`);
    }
  }

  return (
    <section className="estate-map-panel" aria-labelledby="estate-map-heading">
      <div className="map-toolbar">
        <h2 id="estate-map-heading">Estate map</h2>
        <label className="fit-toggle"><input type="checkbox" checked={fit} onChange={(e) => setFit(e.target.checked)} /> Fit to window</label>
        <button type="button" onClick={() => void exportAs('svg')} disabled={map.nodes.length === 0}>Export SVG</button>
        <button type="button" onClick={() => void exportAs('png')} disabled={map.nodes.length === 0}>Export PNG</button>
      </div>
      <p className="muted map-summary">{map.nodes.length} servers, {map.edges.length} connections{omitted ? `. ${omitted}` : ''}</p>
      {message && <p role="status" className="muted">{message}</p>}
      {/* The servers table is the keyboard's way to a server; a click here is a shortcut for the mouse. */}
      <div ref={holder} className={`estate-map${fit ? ' fit' : ''}`} data-testid="estate-map" tabIndex={0} aria-label="Estate map (scrollable)"
        onClick={(event) => {
          const server = (event.target as Element).closest?.('g.server')?.getAttribute('data-server');
          if (server) onSelect(server);
        }} />
    </section>
  );
}
