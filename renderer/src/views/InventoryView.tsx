import { useMemo, useState, type FormEvent } from 'react';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { productName } from '../../../shared/engine/oauth2Readiness.ts';
import { ApiError } from '../api.ts';
import { useWorkspace } from '../state/workspace.ts';

/** Every link of the workspace, with a form to add one by name. */
export function InventoryView() {
  const documents = useWorkspace((s) => s.documents);
  const createLink = useWorkspace((s) => s.createLink);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rows = useMemo(() => documents.map((d) => ({ document: d, verdict: assessLink(d.link) })), [documents]);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await createLink(name);
      setName('');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  return (
    <section aria-labelledby="inventory-heading" className="inventory">
      <header className="view-header">
        <h1 id="inventory-heading">Inventory</h1>
        <p className="muted">{documents.length === 1 ? '1 link' : `${documents.length} links`}</p>
      </header>
      <form className="add-link" onSubmit={add}>
        <label htmlFor="new-link-name">New link name</label>
        <input id="new-link-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
        <button type="submit">Add link</button>
        {error && <p role="alert" className="error">{error}</p>}
      </form>
      {rows.length === 0 ? (
        <p className="empty">No links yet. Add one by name to start assessing it.</p>
      ) : (
        <table className="links">
          <caption className="visually-hidden">Application links</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Local</th><th scope="col">Remote</th><th scope="col">Recommendation</th></tr>
          </thead>
          <tbody>
            {rows.map(({ document, verdict }) => (
              <tr key={document.link.id} data-link-id={document.link.id}>
                <td>{document.link.name}</td>
                <td>{productName(document.link.local.product)} {document.link.local.version ?? ''}</td>
                <td>{productName(document.link.remote.product)} {document.link.remote.version ?? ''}</td>
                <td>{verdict.recommended}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
