import { useState } from 'react';
import type { Wave } from '../../../../shared/engine/waves.ts';
import { MIGRATION_LABELS, waveName, waveSummary } from '../../../../shared/present/planDocument.ts';
import { useUi } from '../../state/ui.ts';

/** Rows drawn per wave before "Show all": an unscheduled group of thousands stays quick to open. */
const FIRST_ROWS = 200;

/** One wave: its counts and progress, and its links (names open the link view). */
export function WaveTable({ wave, flagged }: { wave: Wave; flagged: ReadonlySet<string> }) {
  const navigate = useUi((s) => s.navigate);
  const [all, setAll] = useState(false);
  const shown = all ? wave.links : wave.links.slice(0, FIRST_ROWS);
  const name = waveName(wave);
  const headingId = `wave-${wave.window ?? 'unscheduled'}`;
  const progress = wave.items.required ? Math.round((100 * wave.items.done) / wave.items.required) : 0;
  return (
    <section className="wave" aria-labelledby={headingId} data-window={wave.window ?? 'unscheduled'}>
      <div className="wave-head">
        <h3 id={headingId}>{name}</h3>
        <span className="wave-summary">{waveSummary(wave)}</span>
        <progress max={100} value={progress} aria-label={`${name}: required checklist items done`}>{progress}%</progress>
        <span className="muted">{wave.owners.length ? `Owners: ${wave.owners.join(', ')}` : 'No owner'}</span>
      </div>
      <table className="grid wave-links">
        <caption className="visually-hidden">Links of {name}</caption>
        <thead><tr><th scope="col">Link</th><th scope="col">Owner</th><th scope="col">Change ticket</th><th scope="col">Migration</th><th scope="col">Required items done</th></tr></thead>
        <tbody>
          {shown.map((l) => (
            <tr key={l.id} data-link-id={l.id}>
              <td className="col-name">
                <button type="button" className="link-button" title={l.name} onClick={() => navigate({ view: 'link', id: l.id })}>{l.name}</button>
                {flagged.has(l.id) && <span className="badge severity-high plan-flag">order problem</span>}
              </td>
              <td>{l.owner ?? <span className="muted">—</span>}</td>
              <td>{l.ticket ?? <span className="muted">—</span>}</td>
              <td><span className={`badge migration-${l.migration ?? 'none'}`}>{MIGRATION_LABELS[l.migration ?? 'none']}</span></td>
              <td>{l.items.required ? `${l.items.done} of ${l.items.required}` : <span className="muted">{l.migration === 'planned' ? 'not started (locked)' : '—'}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < wave.links.length && (
        <button type="button" className="show-all" onClick={() => setAll(true)}>Show all {wave.links.length} links of {name}</button>
      )}
    </section>
  );
}
